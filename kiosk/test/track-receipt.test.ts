import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('the receipt on the tracking page', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  it('books a paid service, pays on the provider\'s page, goes back and finds the receipt, in Chinese and axe-clean', async () => {
    const { gw } = site;
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
    const slots = (await gw.call('GET', `/api/services/ac-cleaning/slots?k=${k}&from=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z&to=${new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`)).body.slots;
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'ac-cleaning', slot: slots.find((x: { free: number; open: boolean }) => x.free > 0 && x.open).start, contact: { name: 'Mei Lin', phone: '+86 21 5555 0101' } } })).body;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${placed.payment.url}?lang=zh&back=${encodeURIComponent(`/track/${placed.trackToken}?lang=zh`)}`);

    await page.getByRole('button', { name: /支付/ }).click();
    await page.locator('ds-pay-page [data-back]').click();

    const receipt = page.locator('ds-receipt [data-receipt]');
    await receipt.getByRole('heading', { name: catalogs.zh['receipt.title'] }).waitFor(seen);
    await receipt.getByText(catalogs.zh['payDash.provider.simulated']).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
