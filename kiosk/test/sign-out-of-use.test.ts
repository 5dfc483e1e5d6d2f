import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { catalogs } from '../src/i18n/index.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the room sign while its room is out of use', () => {
  let page: Page;

  const signUrl = (room: string, extra = '') => `${site.gw.creds.devices.find((d) => d.kind === 'sign' && d.room === room)!.url}${extra}`;
  const reportPath = (room: string) => {
    const url = new URL(site.gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    return url.pathname + url.search;
  };
  const statusWord = () => page.locator('ds-status-word .main');
  const setStatus = async (room: string, status: string, reason: string) => {
    const res = await site.gw.call('POST', `/api/rooms/${room}/status`, { cookie: await site.gw.login('hanna'), body: { status, reason } });
    expect(res.status).toBe(200);
  };
  const setAlternative = async (room: string, other: string | null) => {
    const res = await site.gw.call('POST', `/api/rooms/${room}/alternative`, { cookie: await site.gw.login('marco'), body: { room: other } });
    expect(res.status).toBe(200);
  };
  /** A maintenance job rejected at the door panel: its policy sets the room Do Not Use, naming the job. */
  const rejectedMaintenance = async (room: string) => {
    const id = (await site.gw.call('POST', reportPath(room), { body: { category: 'maintenance', description: 'Door closer broken' } })).body.ticket.id as string;
    const marco = await site.gw.login('marco');
    const dirk = await site.gw.login('dirk');
    await site.gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'dirk' } });
    await site.gw.call('POST', `/api/tickets/${id}/start`, { cookie: dirk });
    await site.gw.call('POST', `/api/tickets/${id}/complete`, { cookie: dirk });
    const rejected = await site.gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await site.gw.panelLogin(room), body: { reason: 'Door still slams' } });
    expect(rejected.status).toBe(200);
    return id;
  };

  const site = browserSite();
  beforeEach(async () => { page = await site.browser.newPage(); });
  afterEach(async () => { await page.close(); });

  it('shows the ticket behind a Do Not Use status in large type', async () => {
    const ticket = await rejectedMaintenance('r203');

    await page.goto(signUrl('r203'));

    await statusWord().getByText('Do not use', { exact: true }).waitFor(seen);
    const shown = page.locator('.ticket');
    await shown.getByText(`Ticket ${ticket}`, { exact: true }).waitFor(seen);
    const size = await shown.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(0.05 * Math.min(page.viewportSize()!.width, page.viewportSize()!.height));
  });

  it('shows the alternative room in English while the room is Do Not Use, and drops it once available', async () => {
    await setAlternative('r103', 'r202');
    await page.goto(signUrl('r103'));
    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    expect(await page.locator('.alternative').count()).toBe(0);

    await setStatus('r103', 'do_not_use', 'Water leak');

    await page.locator('.alternative').getByText('Use Meeting Room Tulip instead — floor 2', { exact: true }).waitFor(seen);
    await setStatus('r103', 'available', 'Dry again');
    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    expect(await page.locator('.alternative').count()).toBe(0);
  });

  it("names the alternative room in Chinese on a sign set to zh, with the room's Chinese name", async () => {
    await setAlternative('r105', 'r202');
    await setStatus('r105', 'pending_recovery', 'Cleaning rejected');

    await page.goto(signUrl('r105', '&lang=zh'));

    await statusWord().getByText(catalogs.zh['status.pending_recovery'], { exact: true }).waitFor(seen);
    await page.locator('.alternative').getByText('请改用郁金香会议室（2 楼）', { exact: true }).waitFor(seen);
  });

  it("names the alternative room in each of the sign's languages, the first large and the others smaller below", async () => {
    await setAlternative('r201', 'r202');
    await setStatus('r201', 'do_not_use', 'Water leak');

    await page.goto(signUrl('r201', '&lang=en&langs=en,zh,nb'));

    const alternative = page.locator('.alternative');
    await alternative.locator('.main').getByText('Use Meeting Room Tulip instead — floor 2', { exact: true }).waitFor(seen);
    const zh = alternative.locator('li[lang="zh"]');
    const nb = alternative.locator('li[lang="nb"]');
    await zh.getByText('请改用郁金香会议室（2 楼）', { exact: true }).waitFor(seen);
    await nb.getByText('Bruk Møterom Tulipan i stedet — etasje 2', { exact: true }).waitFor(seen);
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const mainSize = await alternative.locator('.main').evaluate(size);
    expect(await zh.evaluate(size)).toBeLessThan(mainSize);
    expect(await nb.evaluate(size)).toBeLessThan(mainSize);
  });

  it('shows no language label, only the room in its configured languages', async () => {
    await page.goto(signUrl('r104', '&lang=nb&langs=nb,en,zh,nl'));
    await statusWord().getByText('Ledig', { exact: true }).waitFor(seen);

    const labels = (['en', 'zh', 'nb', 'nl'] as const).map((lang) => catalogs[lang]['language.name']);

    for (const label of labels) expect(await page.getByText(label).count(), label).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);
  });
});
