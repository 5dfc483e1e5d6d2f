import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { report } from './occupant-fixture.ts';
import { panelOf } from './panel-fixture.ts';

const seen = { timeout: 15_000 };

/**
 * Every page, signed out and signed in, loads without a console error, a failed request or
 * an answer of 400 and above: nothing a reader would see in the browser's console.
 */
describe.skipIf(!hasChromium)('the pages keep the console quiet', { timeout: 60_000 }, () => {
  const site = browserSite();

  /** A fresh page (no cookies) that records what went wrong while it loaded. */
  async function watchedPage(): Promise<{ page: Page; problems: () => string[] }> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') found.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => found.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => found.push(`failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => { if (r.status() >= 400) found.push(`${r.status()}: ${r.request().method()} ${r.url()}`); });
    return { page, problems: () => [...found] };
  }

  /** Lets late requests (icons, the manifest, the live feed) come in before the count. */
  const settle = (page: Page) => page.waitForLoadState('networkidle').catch(() => undefined).then(() => page.waitForTimeout(300));

  /** The manifest as Chromium reads it for installing the page, and what it finds wrong (a test's context is always incognito: not the page's fault). */
  async function installable(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest') as { url: string; errors: { message: string }[]; data?: string };
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    await cdp.detach();
    return { url: manifest.url, errors: [...manifest.errors.map((e) => e.message), ...installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')], data: JSON.parse(manifest.data ?? '{}') };
  }

  async function expectQuiet(page: Page, problems: () => string[]) {
    await settle(page);
    expect(problems()).toEqual([]);
    await page.context().close();
  }

  it('report', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(site.gw.creds.rooms.find((r) => r.id === 'r101')!.reportUrl);
    await page.locator('ds-report-form').waitFor(seen);
    await expectQuiet(page, problems);
  });

  it('track', async () => {
    const { page, problems } = await watchedPage();
    const { token } = await report(site.gw, 'r102', 'cleaning');
    await page.goto(`${site.gw.http}/track/${token}`);
    await page.locator('ds-track-page [data-live]').waitFor(seen);
    await expectQuiet(page, problems);
  });

  it('sign, with its device credentials', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(site.gw.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r103')!.url!);
    await page.locator('ds-status-word .main').getByText('Available', { exact: true }).waitFor(seen);
    const app = await installable(page);
    expect(app.errors).toEqual([]);
    expect(new URL(app.data.start_url, app.url).href).toBe(page.url());
    expect(app.data.display).toBe('fullscreen');
    await expectQuiet(page, problems);
  });

  it('panel, before and after the PIN', async () => {
    const { page, problems } = await watchedPage();
    const panel = panelOf(site.gw, 'r104');
    await page.goto(panel.url);
    await page.locator('ds-pin-pad').waitFor(seen);
    await settle(page);
    for (const digit of panel.pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('ds-pin-pad').waitFor({ state: 'detached', ...seen });
    // The signed-in panel's first reads finish before the reload, which would otherwise abort them.
    await settle(page);
    await page.reload();
    const app = await installable(page);
    expect(app.errors).toEqual([]);
    expect(new URL(app.data.start_url, app.url).href).toBe(panel.url);
    await expectQuiet(page, problems);
  });

  for (const [path, user, ready] of [['/staff', 'ana', '[data-list="mine"]'], ['/dashboard', 'hanna', 'ds-room-grid [data-room="r101"]']] as const) {
    it(`${path.slice(1)}, signed out, signed in and reloaded`, async () => {
      const { page, problems } = await watchedPage();
      await page.goto(`${site.gw.http}${path}`);
      await page.getByLabel('Username').waitFor(seen);
      await settle(page);
      await page.getByLabel('Username').fill(user);
      await page.getByLabel('Password').fill(site.gw.creds.users.find((u) => u.username === user)!.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator(ready).waitFor(seen);
      await settle(page);
      await page.reload();
      await page.locator(ready).waitFor(seen);
      const app = await installable(page);
      expect(app.errors).toEqual([]);
      expect(new URL(app.data.start_url, app.url).href).toBe(`${site.gw.http}${path}`);
      await expectQuiet(page, problems);
    });
  }
});
