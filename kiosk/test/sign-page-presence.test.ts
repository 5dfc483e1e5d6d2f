import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('a sign opened as a browser page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  const signOnline = async (cookie: string) => {
    const res = await gw.call('GET', '/api/devices', { cookie });
    return (res.body.devices as { id: string; online: boolean }[]).find((d) => d.id === 'sign-r102')!.online;
  };
  const until = async (check: () => Promise<boolean>) => {
    const end = Date.now() + seen.timeout;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('did not happen in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => { browser = await launchChromium(); }, 60_000);
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    page = await browser.newPage();
  }, 60_000);
  afterEach(async () => {
    await page.close().catch(() => undefined);
    await gw.stop();
  });

  it('counts that sign as online while the page is open, and offline once it is closed', async () => {
    const hanna = await gw.login('hanna');
    const before = await signOnline(hanna);

    await page.goto(gw.creds.devices.find((d) => d.id === 'sign-r102')!.url!);
    await page.locator('ds-status-word .main').getByText('Available', { exact: true }).waitFor(seen);
    await until(() => signOnline(hanna));
    await page.close();
    await until(async () => !(await signOnline(hanna)));

    expect(before).toBe(false);
  });
});
