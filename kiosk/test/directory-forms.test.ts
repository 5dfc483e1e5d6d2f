import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { dashboardUser, openSection, reportIn, signInTo } from './dashboard-fixture.ts';
import { catalogs } from '../src/i18n/index.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('keeping the directory on the dashboard', { timeout: 120_000 }, () => {
  let page: Page;

  const people = async () => {
    await page.locator('nav.sections a[data-nav="people"]').click();
    await page.locator('ds-people-section [data-persons]').waitFor(seen);
  };

  const site = browserSite({ gatewayPerTest: true });
  afterEach(async () => { await page?.close(); });

  it('adds and edits a person, adds a unit and an installation, links a ticket to all three and finds it in the history', async () => {
    const ticket = await reportIn(site.gw, 'r201', 'cleaning', 'Lift lobby floor is sticky');
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r201"]').waitFor(seen);
    await people();
    const section = page.locator('ds-people-section');

    await section.locator('[data-add="person"]').click();
    const form = section.locator('ds-directory-form form');
    await form.getByLabel('Name').fill('Lena Brandt');
    await form.getByLabel('Company (optional)').fill('Nordlys AS');
    await form.getByLabel('E-mail (optional)').fill('not an address');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.locator('[data-field-error="email"]').textContent()).toBe('Give a valid e-mail address.');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('E-mail (optional)').fill('');
    await form.getByLabel('Keep informed by e-mail').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('[data-field-error="email"]').getByText('Someone kept informed by e-mail needs an e-mail address.').waitFor(seen);
    await form.getByLabel('E-mail (optional)').fill('lena@nordlys.example');
    await form.getByLabel('Language').selectOption('nb');
    await form.getByRole('button', { name: 'Save' }).click();
    const lena = section.locator('[data-person]', { hasText: 'Lena Brandt' });
    await lena.waitFor(seen);
    expect(await lena.textContent()).toContain('lena@nordlys.example');

    await lena.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Phone (optional)').fill('+47 22 33 44 55');
    await form.getByRole('button', { name: 'Save' }).click();
    await lena.getByText('+47 22 33 44 55').waitFor(seen);

    await section.locator('[data-add="unit"]').click();
    await form.getByLabel('Name').fill('Nordlys office');
    await form.getByLabel('Tenant company (optional)').fill('Nordlys AS');
    await form.locator('input[name="rooms"][value="r201"]').check();
    await form.locator('input[name="rooms"][value="r202"]').check();
    await form.getByRole('button', { name: 'Save' }).click();
    const unit = section.locator('[data-unit]', { hasText: 'Nordlys office' });
    await unit.waitFor(seen);
    expect(await unit.textContent()).toContain('r201, r202');

    await section.locator('[data-add="installation"]').click();
    await form.getByLabel('Kind').selectOption('lift');
    await form.getByLabel('Name').fill('Goods lift B');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.locator('[data-field-error="room"]').textContent()).toBe('Choose a room or give a floor.');
    await form.getByLabel('Room').selectOption('r201');
    await form.getByLabel('Make (optional)').fill('KONE');
    await form.getByLabel('Serial number (optional)').fill('KN-77');
    await form.getByRole('button', { name: 'Save' }).click();
    const lift = section.locator('[data-installation]', { hasText: 'Goods lift B' });
    await lift.waitFor(seen);
    const liftId = await lift.getAttribute('data-installation');
    const directory = async (path: string) => (await site.gw.call('GET', path, { cookie: await site.gw.login('sofia') })).body;
    expect((await directory('/api/persons')).persons).toContainEqual(expect.objectContaining({ name: 'Lena Brandt', phone: '+47 22 33 44 55', notifyByEmail: true, language: 'nb' }));

    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${ticket}"] button`).click();
    const links = page.locator(`ds-ticket-detail [data-detail="${ticket}"] ds-ticket-links`);
    const find = links.getByLabel('Find by name, company or serial number');
    await find.waitFor(seen);
    await find.fill('nordlys');
    expect(await links.locator('[data-found-count]').textContent()).toBe('2 matches');
    await links.locator('[data-found-item]', { hasText: 'Lena Brandt' }).getByRole('button', { name: /Link/ }).click();
    await links.locator('[data-linked-person]').waitFor(seen);
    await find.fill('nordlys');
    await links.locator('[data-found-item]', { hasText: 'Nordlys office' }).getByRole('button', { name: /Link/ }).click();
    await links.locator('[data-linked-unit]').waitFor(seen);
    await find.fill('KN-77');
    expect(await links.locator('[data-found-count]').textContent()).toBe('1 match');
    await links.locator('[data-found-item]').getByRole('button', { name: /Link/ }).click();
    await links.locator(`[data-linked-installation="${liftId}"]`).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
    const stored = async () => (await directory(`/api/tickets/${ticket}`)).links;
    expect(await stored()).toEqual({ persons: [expect.stringMatching(/^P-/)], unit: expect.stringMatching(/^U-/), installation: liftId });

    await links.locator('[data-linked-unit]').getByRole('button', { name: /Remove/ }).click();
    await links.locator('[data-linked-unit]').waitFor({ state: 'detached', ...seen });
    expect((await stored()).unit).toBeNull();

    await links.locator('[data-linked-history]').click();
    await page.locator(`ds-installation-history [data-history-ticket="${ticket}"]`).waitFor(seen);
    expect(page.url()).toContain(`#installation/${liftId}`);
  });

  it('speaks Norwegian in the forms and the link panel', async () => {
    const ticket = await reportIn(site.gw, 'r201', 'cleaning', 'Bins are full');
    const nb = catalogs.nb;
    page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r201"]').waitFor(seen);
    await page.goto(`${site.gw.http}/dashboard?lang=nb#people`);
    await page.locator('ds-people-section [data-persons]').waitFor(seen);
    const section = page.locator('ds-people-section');

    await section.locator('[data-add="installation"]').click();
    const form = section.locator('ds-directory-form form');
    await form.getByRole('button', { name: nb['dirForms.save'] }).click();

    expect(await section.locator('[data-add="person"]').textContent()).toBe(nb['dirForms.addPerson']);
    expect(await form.locator('h4').textContent()).toBe(nb['dirForms.newInstallation']);
    expect(await form.locator('[data-field-error="name"]').textContent()).toBe(nb['dirForms.invalid.name']);
    expect(await form.locator('[data-form-error]').textContent()).toBe(nb['dirForms.error.INVALID']);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${site.gw.http}/dashboard?lang=nb#tickets`);
    await page.locator(`ds-ticket-list tr[data-ticket="${ticket}"] button`).click();
    const links = page.locator(`ds-ticket-detail [data-detail="${ticket}"] ds-ticket-links`);
    await links.locator('h3').waitFor(seen);
    expect(await links.locator('h3').textContent()).toBe(nb['dirForms.links.title']);
    expect(await links.locator('.muted').first().textContent()).toBe(nb['dirForms.links.none']);
  });

  it('puts a person in a unit with the unit picker, and takes them out again', async () => {
    const sofia = await site.gw.login('sofia');
    const unit = (await site.gw.call('POST', '/api/units', { cookie: sofia, body: { name: 'Tulp, east wing', rooms: ['r102'] } })).body.id as string;
    const person = (await site.gw.call('POST', '/api/persons', { cookie: sofia, body: { name: 'Pieter de Boer' } })).body.id as string;
    const stored = async () => (await site.gw.call('GET', '/api/persons', { cookie: sofia })).body.persons.find((p: { id: string }) => p.id === person).unit;
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r201"]').waitFor(seen);
    await people();
    const section = page.locator('ds-people-section');
    const row = section.locator(`[data-person="${person}"]`);
    const form = section.locator('ds-directory-form form');

    await row.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Unit (optional)').selectOption(unit);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached', ...seen });
    const chosen = await stored();
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('Tulp, east wing');
    await row.getByRole('button', { name: 'Edit' }).click();
    const shown = await form.getByLabel('Unit (optional)').inputValue();
    await form.getByLabel('Unit (optional)').selectOption({ label: 'No unit' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached', ...seen });

    expect(chosen).toBe(unit);
    expect(shown).toBe(unit);
    expect(await stored()).toBeNull();
  });

  it('shows no directory forms to a role that may read the directory but not keep it', async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, site.gw, 'fiona');
    await page.locator('ds-room-grid [data-room="r201"]').waitFor(seen);
    await people();
    await page.locator('ds-people-section [data-rights="known"]').waitFor({ state: 'attached', ...seen });

    expect(await page.locator('ds-people-section [data-add]').count()).toBe(0);
    expect(await page.locator('ds-people-section [data-edit]').count()).toBe(0);
  });
});
