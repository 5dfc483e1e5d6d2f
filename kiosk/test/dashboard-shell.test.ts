import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { dashboardUser, openSection, rejectedMaintenance, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };
const desktop = { width: 1400, height: 1000 };
const phone = { width: 360, height: 740 };

describe.skipIf(!hasChromium)('the dashboard as an app shell', () => {
  let page: Page;

  const open = async (viewport: { width: number; height: number }, user = dashboardUser) => {
    page = await site.browser.newPage({ viewport });
    await signInTo(page, site.gw, user);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);
  };

  const site = browserSite({ gatewayPerTest: true });
  afterEach(async () => { await page?.close(); });

  it('shows one section at a time on a phone, with the navigation as a bar at the bottom', async () => {
    await open(phone);

    const nav = await page.locator('nav.sections').boundingBox();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);

    expect(await page.locator('ds-ticket-list, ds-audit-trail, ds-kpi-panel, ds-device-list').count()).toBe(0);
    expect(nav!.y + nav!.height).toBeCloseTo(phone.height, 0);
    expect(nav!.width).toBeCloseTo(phone.width, 0);
    expect(height).toBeLessThan(4000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('puts the navigation in a side bar on a desktop, left of the section', async () => {
    await open(desktop);

    const nav = (await page.locator('nav.sections').boundingBox())!;
    const section = (await page.locator('[data-section="rooms"]').boundingBox())!;

    expect(nav.x + nav.width).toBeLessThanOrEqual(section.x);
    expect(nav.height).toBeGreaterThan(nav.width);
  });

  it('opens a section from a deep link, and goes back and forward between sections', async () => {
    page = await site.browser.newPage({ viewport: desktop });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);
    await page.goto(`${site.gw.http}/dashboard#audit`);
    await page.locator('ds-audit-trail [data-chain="ok"]').waitFor(seen);
    expect(await page.locator('ds-room-grid').count()).toBe(0);
    expect(await page.locator('nav.sections a[aria-current="page"]').getAttribute('data-nav')).toBe('audit');

    await openSection(page, 'tickets');
    await openSection(page, 'figures');
    await page.goBack();
    await page.locator('[data-section="tickets"]').waitFor(seen);
    await page.goBack();
    await page.locator('[data-section="audit"]').waitFor(seen);
    await page.goForward();

    await page.locator('[data-section="tickets"]').waitFor(seen);
    expect(new URL(page.url()).hash).toBe('#tickets');
    expect(await page.locator('[data-section]').count()).toBe(1);
  });

  it('keeps a long ticket title to two lines in a wide table, with the whole title on hover', async () => {
    const title = 'Replace the broken ceiling tiles above the projector and check the sprinkler head next to them for leaks before Monday';
    const created = await site.gw.call('POST', '/api/tickets', { cookie: await site.gw.login('hanna'), body: { kind: 'task', category: 'maintenance', room: 'r201', title, description: 'See the photos' } });
    await open(desktop);
    await openSection(page, 'tickets');

    const cell = page.locator(`ds-ticket-list tr[data-ticket="${created.body.id ?? created.body.ticket?.id}"] button`);
    await cell.waitFor(seen);
    const [height, lineHeight] = await cell.locator('[data-title]').evaluate((el) => [el.getBoundingClientRect().height, parseFloat(getComputedStyle(el).lineHeight)]);

    expect(height).toBeLessThanOrEqual(2 * lineHeight + 1);
    expect(await cell.getAttribute('title')).toBe(title);
    const table = (await page.locator('ds-ticket-list table').boundingBox())!;
    const main = (await page.locator('[data-section="tickets"]').boundingBox())!;
    expect(table.width).toBeGreaterThan(main.width * 0.9);
  });

  it('opens a room\'s page from its tile: what holds it, what clears it, its tickets and devices; the facility head sets it available', async () => {
    const { id, followUp } = await rejectedMaintenance(site.gw, 'r102', 'Safety hazard remains');
    await open(desktop);

    await page.locator('ds-room-grid [data-room="r102"]').click();

    const room = page.locator('ds-room-page');
    await room.locator('[data-hold="held"]').waitFor(seen);
    expect(new URL(page.url()).hash).toBe('#room/r102');
    expect(await room.locator(`[data-cause="rejection-policy"][data-ticket="${id}"]`).textContent()).toContain('Do not use');
    expect(await room.locator(`[data-cause="follow-up-open"][data-ticket="${followUp}"]`).textContent()).toContain('Urgent');
    expect(await room.locator('[data-clear]').evaluateAll((els) => els.map((el) => el.getAttribute('data-clear')))).toEqual(['approve-follow-up', 'redo-job', 'set-available']);
    expect((await page.locator('[data-room-page] ds-ticket-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ticket')))).sort()).toEqual([id, followUp].sort());
    await page.locator('[data-room-page] ds-device-list tr[data-device="sign-r102"]').waitFor(seen);

    await room.getByLabel('Reason (required)').fill('Inspected: the cable is secured');
    await room.getByRole('button', { name: 'Set available' }).click();

    await room.locator('[data-hold="free"]').waitFor(seen);
    await page.locator('ds-room-page [data-room-status="available"]').waitFor(seen);
    expect(await room.locator('form[data-set-available]').count()).toBe(0);
    const after = await site.gw.call('GET', '/api/rooms/r102', { cookie: await site.gw.login('hanna') });
    expect(after.body).toMatchObject({ status: 'available', reason: 'Inspected: the cable is secured' });
  });

  it('offers no way to set a room available to a supervisor without that right', async () => {
    await rejectedMaintenance(site.gw, 'r103', 'Safety hazard remains');
    await open(desktop, 'marco');

    await page.goto(`${site.gw.http}/dashboard#room/r103`);

    await page.locator('ds-room-page [data-hold="held"]').waitFor(seen);
    expect(await page.locator('ds-room-page form[data-set-available]').count()).toBe(0);
  });

  it('names people by full name with the username on hover, in the ticket list and the audit trail', async () => {
    const { id } = await rejectedMaintenance(site.gw, 'r202', 'Not repaired');
    await open(desktop);
    await openSection(page, 'tickets');

    const assignee = page.locator(`ds-ticket-list tr[data-ticket="${id}"] [data-person]`);
    await assignee.waitFor(seen);
    expect(await assignee.textContent()).toBe('Marco Rossi');
    expect(await assignee.getAttribute('title')).toBe('marco');
    await openSection(page, 'audit');
    const actor = page.locator('ds-audit-trail tbody [data-person="dirk"]').first();
    await actor.waitFor(seen);
    expect(await actor.textContent()).toBe('Dirk de Vries');
  });
});
