import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KpiReport } from '@doorside/edge/contracts';
import { breachWords } from '../src/pages/dashboard/breach-figures-words.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
const targets = ['cleaning', 'maintenance'].flatMap((category) =>
  ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category, priority, responseMinutes: 60, resolutionMinutes: category === 'cleaning' ? 120 : 480 })));

describe.skipIf(!hasChromium)('breaches by category, team and vendor on the figures page', { timeout: 120_000 }, () => {
  // Monday 14 June 2027, 08:00 in Oslo when the first tickets open; the page is read at 11:00.
  const clock = { now: '2027-06-14T06:00:00.000Z' };
  const site = browserSite({ gateway: { clock: () => clock.now, escalationTicks: false, scheduleTicks: false } });
  let page: Page;
  let vendor = '';
  afterEach(async () => { await page?.close(); });

  beforeAll(async () => {
    const { gw } = site;
    const cookie = await gw.login('hanna');
    const task = async (category: string, body: object = {}) => (await gw.call('POST', '/api/tickets', { cookie, body: { kind: 'task', category, room: 'r101', description: 'Check', ...body } })).body.id as string;
    await gw.call('PUT', '/api/calendar', { cookie, body: { timeZone: 'Europe/Oslo', hours } });
    await gw.call('PUT', '/api/sla/targets', { cookie, body: { targets } });
    vendor = (await gw.call('POST', '/api/vendors', { cookie, body: { name: 'Nordlift AS', trade: 'lifts', email: 'service@nordlift.example', contacts: [{ name: 'Kari Nord', email: 'kari@nordlift.example' }] } })).body.id;
    await task('cleaning');
    const lift = await task('maintenance');
    expect((await gw.call('POST', `/api/tickets/${lift}/work-orders`, { cookie, body: { vendor, instructions: 'Lift 2' } })).status).toBe(201);
    clock.now = '2027-06-14T08:30:00.000Z';
    await task('cleaning', { assignee: 'ana' });
    clock.now = '2027-06-14T09:00:00.000Z';
  });

  const figures = async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Oslo', locale: 'en' });
    await page.clock.setFixedTime(new Date(clock.now));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // The dashboard may ask for the figures as soon as it starts, before the section is opened.
    const answer = page.waitForResponse((r) => r.url().includes('/api/kpis'));
    await signInTo(page, site.gw, 'hanna');
    await page.locator('nav.sections a[data-nav="figures"]').waitFor(seen);
    const before = requested.filter((u) => /breach-figures/.test(u));
    await openSection(page, 'figures');
    const report = KpiReport.parse(await (await answer).json());
    await page.locator('ds-breach-figures table[data-breaches="category"]').waitFor(seen);
    return { report, before, after: requested.filter((u) => /breach-figures/.test(u)) };
  };
  const rows = (by: string) => page.locator(`ds-breach-figures table[data-breaches="${by}"] tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-key'), ...[...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())]));

  it('shows the breaches of /api/kpis per category, team and vendor, its words fetched only with the figures', async () => {
    const { report, before, after } = await figures();
    const b = report.breaches;
    const percent = (p: number | null) => (p === null ? '—' : `${p}%`);

    expect(b.breached).toBeGreaterThan(0);
    expect(before).toEqual([]);
    expect(after.some((u) => /breach-figures-words/.test(u))).toBe(true);
    expect(await page.locator('ds-breach-figures [data-breaches="summary"]').textContent()).toBe(`${b.breached} of ${b.counted} tickets breached their targets`);
    expect(await rows('category')).toEqual(b.byCategory.map((c) => [c.category, expect.any(String), `${c.counted}`, `${c.breached}`, `${c.response}`, `${c.resolution}`, percent(c.percent)]));
    expect((await rows('category')).map((r) => r[1])).toEqual(expect.arrayContaining(['Cleaning', 'Maintenance']));
    expect(await rows('team')).toEqual(b.byTeam.map((c) => [c.team, expect.any(String), `${c.counted}`, `${c.breached}`, `${c.response}`, `${c.resolution}`, percent(c.percent)]));
    expect(await rows('vendor')).toEqual([[vendor, 'Nordlift AS', '1', ...b.byVendor.map((c) => [`${c.breached}`, `${c.response}`, `${c.resolution}`, percent(c.percent)]).flat()]]);
    expect(await page.locator('ds-breach-figures table[data-breaches="team"] caption').textContent()).toBe('Breaches by team');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks the reader\'s language', async () => {
    for (const lang of ['zh', 'nb', 'nl'] as const) {
      page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Europe/Oslo', locale: 'en' });
      await page.clock.setFixedTime(new Date(clock.now));
      await signInTo(page, site.gw, 'hanna');
      await openSection(page, 'figures');
      await page.locator('ds-breach-figures table[data-breaches="category"]').waitFor(seen);
      await page.locator('ds-lang-switch select').first().selectOption(lang);
      const words = breachWords[lang];

      await page.locator('ds-breach-figures table[data-breaches="category"] caption').getByText(words.byCategory).waitFor(seen);
      expect(await page.locator('ds-breach-figures table[data-breaches="vendor"] caption').textContent()).toBe(words.byVendor);
      expect(await page.locator('ds-breach-figures table[data-breaches="team"] thead th').allTextContents())
        .toEqual([words.colTeam, words.colCounted, words.colBreached, words.colResponse, words.colResolution, words.colShare]);
      expect(await page.locator('ds-breach-figures h3').textContent()).toBe(words.title);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
