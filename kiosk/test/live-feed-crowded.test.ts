import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LIVE_FEEDS_PER_DEVICE } from '../../edge/src/live/live-sockets.ts';
import { catalogs } from '../src/i18n/index.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('a page the live feed turns away for holding too many feeds', { timeout: 90_000 }, () => {

  const site = browserSite();

  it('says so calmly instead of the offline mark, and waits long before it asks again', async () => {
    const url = site.gw.creds.devices.find((d) => d.id === 'sign-r102')!.url!;
    const held: Page[] = [];
    for (let i = 0; i < LIVE_FEEDS_PER_DEVICE; i += 1) {
      const page = await site.browser.newPage();
      await page.goto(url);
      await page.locator('ds-status-word .main').getByText('Available', { exact: true }).waitFor(seen);
      held.push(page);
    }

    const refused = await site.browser.newPage();
    let upgrades = 0;
    refused.on('websocket', () => { upgrades += 1; });
    await refused.goto(url);

    await refused.getByText(catalogs.en['live.crowded.sign'], { exact: true }).waitFor(seen);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(upgrades).toBe(1);
    expect(await refused.locator('ds-offline-mark').count()).toBe(0);
    await refused.getByText(catalogs.en['live.crowded.sign'], { exact: true }).waitFor(seen);

    for (const page of [...held, refused]) await page.close();
  });
});
