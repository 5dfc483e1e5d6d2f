import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';
import { report } from './occupant-fixture.ts';
import { finishedCleaning, panelOf } from './panel-fixture.ts';

const seen = { timeout: 15_000 };

/**
 * Every page the gateway serves, loaded in Chromium under the gateway's own
 * Content-Security-Policy: the policy is there and strict (no 'unsafe-inline', no
 * 'unsafe-eval'), the page renders and goes live over /ws, and the browser reports no
 * violation (neither as a `securitypolicyviolation` event nor on the console).
 */
describe.skipIf(!hasChromium)('the pages under the gateway\'s Content-Security-Policy', { timeout: 60_000 }, () => {
  const site = browserSite();

  /** A page that records every violation from its first script on. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const console: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) console.push(m.text()); });
    page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      const found: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = found;
      document.addEventListener('securitypolicyviolation', (e) => found.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`), true);
    });
    const violations = async () => [...console, ...await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)];
    return { page, violations };
  }

  function expectStrictPolicy(response: Response | null) {
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/connect-src [^;]*ws:\/\//);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  }

  it('report: renders, shows a photo preview from a blob, no violation', async () => {
    const { page, violations } = await watchedPage();
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

    const response = await page.goto(site.gw.creds.rooms.find((r) => r.id === 'r101')!.reportUrl);
    await page.locator('ds-report-form').waitFor(seen);
    await page.locator('ds-report-form ds-photo-picker input[type="file"]').setInputFiles({ name: 'p.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('ds-photo-picker img').first().waitFor(seen);

    expectStrictPolicy(response);
    expect(await page.locator('ds-room-header').count()).toBe(1);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('track: renders live, no violation', async () => {
    const { page, violations } = await watchedPage();
    const { token } = await report(site.gw, 'r102', 'cleaning');

    const response = await page.goto(`${site.gw.http}/track/${token}`);
    await page.locator('ds-track-page [data-live]').waitFor(seen);

    expectStrictPolicy(response);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('sign: shows its room from the live feed, no violation', async () => {
    const { page, violations } = await watchedPage();

    const response = await page.goto(site.gw.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r103')!.url!);
    await page.locator('ds-status-word .main').getByText('Available', { exact: true }).waitFor(seen);

    expectStrictPolicy(response);
    // The status colours are set through CSSOM, which the policy allows, not a style attribute.
    expect(await page.locator('ds-status-word .word').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('panel: signs in with the PIN and shows the finished job, no violation', async () => {
    const { page, violations } = await watchedPage();
    const id = await finishedCleaning(site.gw, 'r104');
    const panel = panelOf(site.gw, 'r104');

    const response = await page.goto(panel.url);
    for (const digit of panel.pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`[data-ticket="${id}"]`).waitFor(seen);

    expectStrictPolicy(response);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('staff: signs in and shows the queue with its priority badges, no violation', async () => {
    const { page, violations } = await watchedPage();
    const task = await site.gw.call('POST', '/api/tickets', { cookie: await site.gw.login('sofia'), body: { kind: 'task', category: 'cleaning', room: 'r105', description: 'Urgent spill', priority: 'urgent', assignee: 'ana' } });
    expect(task.status).toBe(201);

    const response = await page.goto(`${site.gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(site.gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`[data-list="mine"] [data-ticket="${task.body.id}"] .badge`).waitFor(seen);

    expectStrictPolicy(response);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('dashboard: signs in and shows the room grid and the charts, no violation', async () => {
    const { page, violations } = await watchedPage();

    await signInTo(page, site.gw, 'hanna');
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);
    await openSection(page, 'figures');
    await page.locator('ds-bar-chart canvas').first().waitFor(seen);
    await openSection(page, 'rooms');
    await page.locator('ds-room-grid [data-room="r305"]').click();
    await page.locator('ds-room-page [data-hold]').waitFor(seen);
    await openSection(page, 'rooms');
    const response = await page.reload();
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);

    expectStrictPolicy(response);
    expect(await page.locator('ds-room-grid [data-room]').count()).toBe(15);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
