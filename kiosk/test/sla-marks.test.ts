import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));

describe.skipIf(!hasChromium)('service-level marks on the ticket list, the ticket detail and the staff page', { timeout: 120_000 }, () => {
  // Monday 14 June 2027 in Oslo: tickets open at 08:00 and 10:30; the pages are read at 11:00.
  const clock = { now: '2027-06-14T06:00:00.000Z' };
  const site = browserSite({ gateway: { clock: () => clock.now, escalationTicks: false, scheduleTicks: false } });
  const ids = { late: '', waiting: '', fresh: '' };
  let page: Page;
  afterEach(async () => { await page?.close(); });

  beforeAll(async () => {
    const { gw } = site;
    const hanna = await gw.login('hanna');
    const task = async (body: object) => (await gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'cleaning', room: 'r101', description: 'Tables', ...body } })).body.id as string;
    await gw.call('PUT', '/api/calendar', { cookie: hanna, body: { timeZone: 'Europe/Oslo', hours } });
    await gw.call('PUT', '/api/sla/targets', { cookie: hanna, body: { targets: ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category: 'cleaning', priority, responseMinutes: 60, resolutionMinutes: 120 })) } });
    ids.late = await task({ title: 'Late wipe', assignee: 'ana' });
    ids.waiting = await task({ title: 'Waiting wipe', assignee: 'ana' });
    await gw.call('POST', `/api/tickets/${ids.waiting}/waiting`, { cookie: hanna, body: { waiting: 'tenant' } });
    clock.now = '2027-06-14T08:30:00.000Z';
    ids.fresh = await task({ title: 'Fresh wipe', assignee: 'ana' });
    clock.now = '2027-06-14T09:00:00.000Z';
  });

  const dashboard = async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Oslo', locale: 'en' });
    await page.clock.setFixedTime(new Date(clock.now));
    await signInTo(page, site.gw, 'hanna');
    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${ids.fresh}"]`).waitFor(seen);
  };
  /** A clock time as the browser's Intl writes it in `lang`: the rule the pages follow. */
  const shortTime = (lang: string, iso: string) => page.evaluate(([l, at]) => new Intl.DateTimeFormat(l, { timeStyle: 'short' }).format(new Date(at!)), [lang, iso]);
  const mark = (id: string) => page.locator(`ds-ticket-list tr[data-ticket="${id}"] [data-sla]`);

  it('marks each row breached, paused or with its next due time, and shows the clocks in the ticket\'s detail', async () => {
    await dashboard();

    // 11:00 Oslo: the late one was to be resolved by 10:00; the fresh one (10:30) by 12:30; the waiting one stands still.
    expect([await mark(ids.late).getAttribute('data-sla'), await mark(ids.waiting).getAttribute('data-sla'), await mark(ids.fresh).getAttribute('data-sla')]).toEqual(['breached', 'paused', 'due']);
    expect(await mark(ids.late).textContent()).toBe('SLA breached');
    expect(await mark(ids.fresh).locator('time').getAttribute('datetime')).toBe('2027-06-14T10:30:00.000Z');
    expect(await mark(ids.fresh).textContent()).toBe(`SLA due ${await shortTime('en', '2027-06-14T10:30:00.000Z')}`);

    await page.locator(`ds-ticket-list tr[data-ticket="${ids.late}"] button.pick`).click();
    const facts = page.locator(`ds-ticket-detail [data-detail="${ids.late}"] [data-sla-facts]`);
    await facts.waitFor(seen);
    const fact = (name: string) => facts.locator(`[data-sla-fact="${name}"]`).textContent();
    expect(await facts.getAttribute('data-sla-facts')).toBe('breached');
    expect(await fact('response')).toBe('Answered');
    expect(await facts.locator('[data-sla-fact="breached"] time').getAttribute('datetime')).toBe('2027-06-14T08:00:00.000Z');
    expect(await fact('breached')).toBe(await shortTime('en', '2027-06-14T08:00:00.000Z'));
    expect(await fact('paused')).toBe('0 min');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(`ds-ticket-list tr[data-ticket="${ids.waiting}"] button.pick`).click();
    const waiting = page.locator(`ds-ticket-detail [data-detail="${ids.waiting}"] [data-sla-facts]`);
    await waiting.waitFor(seen);
    expect(await waiting.locator('[data-sla-fact="paused"]').textContent()).toBe('3 h 0 min · Paused');
    expect(await waiting.locator('[data-sla-fact="resolution"]').textContent()).toBe('Paused');
    expect(await waiting.locator('[data-sla-fact="breached"]').textContent()).toBe('Not breached');
  });

  it('moves a row\'s mark as the live feed brings the ticket\'s change', async () => {
    await dashboard();
    await mark(ids.fresh).and(page.locator('[data-sla="due"]')).waitFor(seen);

    await site.gw.call('POST', `/api/tickets/${ids.fresh}/waiting`, { cookie: await site.gw.login('hanna'), body: { waiting: 'vendor' } });

    await page.locator(`ds-ticket-list tr[data-ticket="${ids.fresh}"] [data-sla="paused"]`).waitFor(seen);
    await site.gw.call('POST', `/api/tickets/${ids.fresh}/waiting`, { cookie: await site.gw.login('hanna'), body: { waiting: null } });
    await page.locator(`ds-ticket-list tr[data-ticket="${ids.fresh}"] [data-sla="due"]`).waitFor(seen);
  });

  it('speaks the reader\'s language, times by its rules', async () => {
    for (const lang of ['zh', 'nb', 'nl'] as const) {
      await dashboard();
      await page.locator('ds-lang-switch select').first().selectOption(lang);

      await mark(ids.late).getByText(catalogs[lang]['slaMark.breached']).waitFor(seen);
      await mark(ids.waiting).getByText(catalogs[lang]['slaMark.paused']).waitFor(seen);
      const due = await mark(ids.fresh).locator('time').getAttribute('datetime');
      expect(await mark(ids.fresh).textContent()).toBe(catalogs[lang]['slaMark.due'].replace('{time}', await shortTime(lang, due!)));
      await page.locator(`ds-ticket-list tr[data-ticket="${ids.waiting}"] button.pick`).click();
      const facts = page.locator(`ds-ticket-detail [data-detail="${ids.waiting}"] [data-sla-facts]`);
      await facts.getByRole('heading', { name: catalogs[lang]['slaMark.title'] }).waitFor(seen);
      expect(await facts.locator('[data-sla-fact="breached"]').textContent()).toBe(catalogs[lang]['slaMark.notBreached']);
      await page.close();
    }
  });

  it('shows the mark on each of the worker\'s jobs on the staff page', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Oslo', locale: 'en' });
    await page.clock.setFixedTime(new Date(clock.now));
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const card = (id: string) => page.locator(`[data-list="mine"] [data-ticket="${id}"] [data-sla]`);
    await card(ids.fresh).waitFor(seen);

    expect(await card(ids.late).textContent()).toBe('SLA breached');
    expect(await card(ids.waiting).textContent()).toBe('SLA paused');
    expect(await card(ids.fresh).textContent()).toBe(`SLA due ${await shortTime('en', '2027-06-14T10:30:00.000Z')}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
