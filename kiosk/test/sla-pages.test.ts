import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));

describe.skipIf(!hasChromium)('service levels on the dashboard and the checklist on the staff page', { timeout: 90_000 }, () => {
  // Monday 14 June 2027, 08:00 in Oslo when the tickets open; the pages are read at 11:00 Oslo.
  const clock = { now: '2027-06-14T06:00:00.000Z' };
  const site = browserSite({ gateway: { clock: () => clock.now, escalationTicks: false, scheduleTicks: false } });
  const ids: Record<string, string> = {};
  let page: Page;
  afterEach(async () => { await page?.close(); });

  beforeAll(async () => {
    const { gw } = site;
    const hanna = await gw.login('hanna');
    const task = async (body: object) => (await gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'cleaning', room: 'r101', description: 'Tables', ...body } })).body.id as string;
    await gw.call('PUT', '/api/calendar', { cookie: hanna, body: { timeZone: 'Europe/Oslo', hours } });
    await gw.call('PUT', '/api/sla/targets', { cookie: hanna, body: { targets: ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category: 'cleaning', priority, responseMinutes: 60, resolutionMinutes: 120 })) } });
    await gw.call('POST', '/api/schedules', { cookie: hanna, body: {
      title: 'Weekly AV check', place: { kind: 'room', room: 'r201' }, rrule: 'FREQ=WEEKLY;BYDAY=WE', start: '2027-06-16T09:00', timeZone: 'Europe/Oslo', category: 'av',
    } });
    ids.late = await task({ title: 'Late wipe', assignee: 'ana' });
    ids.waiting = await task({ title: 'Waiting wipe', assignee: 'ana' });
    await gw.call('POST', `/api/tickets/${ids.waiting}/waiting`, { cookie: hanna, body: { waiting: 'tenant' } });
    clock.now = '2027-06-14T08:30:00.000Z';
    ids.fresh = await task({ title: 'Fresh wipe', assignee: 'ana' });
    for (const text of ['Tables wiped', 'Chairs straightened']) await gw.call('POST', `/api/tickets/${ids.fresh}/checklist`, { cookie: hanna, body: { text } });
    clock.now = '2027-06-14T09:00:00.000Z';
  });

  const dashboard = async (lang = 'en') => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Oslo', locale: lang });
    await page.clock.setFixedTime(new Date(clock.now));
    await signInTo(page, site.gw, 'hanna');
    await page.locator('nav.sections a[data-nav="service-levels"]').click();
    await page.locator('ds-sla-section [data-list="planned"]').waitFor(seen);
  };

  it('shows each open ticket\'s clock, the breached ones apart, and the planned work of the next two weeks', async () => {
    await dashboard();
    const section = page.locator('ds-sla-section');

    // 11:00 Oslo: the late one was due at 10:00; the fresh one (opened 10:30) has 1 h 30 min left; the waiting one stands still.
    const breached = section.locator('[data-list="breached"] tr[data-ticket]');
    expect(await breached.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual([ids.late]);
    await breached.first().getByText('Resolve: breached, 1 h 0 min over').waitFor(seen);
    const open = section.locator('[data-list="open"]');
    await open.locator(`tr[data-ticket="${ids.fresh}"]`).getByText('Resolve: 1 h 30 min left').waitFor(seen);
    await open.locator(`tr[data-ticket="${ids.waiting}"]`).getByText('Resolve: paused, 2 h 0 min left').waitFor(seen);
    const planned = section.locator('[data-list="planned"] li');
    expect(await planned.count()).toBe(2);
    await planned.first().getByText('Weekly AV check').waitFor(seen);
    expect(Date.parse((await planned.first().locator('time').getAttribute('datetime'))!)).toBe(Date.parse('2027-06-16T07:00:00Z'));
    expect(await planned.first().locator('time').textContent()).toContain('9:00');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks the reader\'s language', async () => {
    for (const lang of ['zh', 'nb', 'nl'] as const) {
      await dashboard();
      await page.locator('ds-lang-switch select').first().selectOption(lang);

      const section = page.locator('ds-sla-section');
      await section.getByRole('heading', { name: catalogs[lang]['slaDash.breachedTitle'] }).waitFor(seen);
      await section.locator(`[data-list="open"] tr[data-ticket="${ids.fresh}"]`).getByText(catalogs[lang]['slaDash.left'].replace('{time}', catalogs[lang]['dash.hours'].replace('{hours}', '1').replace('{minutes}', '30'))).waitFor(seen);
      await page.close();
    }
  });

  it('lets the worker tick the checklist on the staff page', async () => {
    const { gw } = site;
    await gw.call('POST', `/api/tickets/${ids.fresh}/start`, { cookie: await gw.login('ana') });
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Oslo' });
    await page.clock.setFixedTime(new Date(clock.now));
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`[data-list="mine"] [data-ticket="${ids.fresh}"]`).getByRole('button', { name: 'Details' }).click();
    const checklist = page.locator(`[data-detail="${ids.fresh}"] ds-staff-checklist`);
    await checklist.getByText('0 of 2 done').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    await checklist.getByRole('checkbox', { name: 'Tables wiped' }).check();

    await checklist.getByText('1 of 2 done').waitFor(seen);
    const ticket = (await gw.call('GET', `/api/tickets/${ids.fresh}`, { cookie: await gw.login('hanna') })).body;
    expect(ticket.checklist).toMatchObject([{ text: 'Tables wiped', done: true, by: 'user:ana' }, { text: 'Chairs straightened', done: false }]);
  });
});
