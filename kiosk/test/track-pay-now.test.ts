import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('pay now on the tracking page', { timeout: 90_000 }, () => {
  let page: Page | undefined;
  const site = browserSite();
  afterEach(async () => { await page?.close(); page = undefined; });

  /** A booking paid at order, left unpaid: its tracking token. */
  const unpaidBooking = async () => {
    const { gw } = site;
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
    const day = (offset: number) => `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
    const slots = (await gw.call('GET', `/api/services/ac-cleaning/slots?k=${k}&from=${day(1)}&to=${day(15)}`)).body.slots;
    const slot = slots.find((s: { free: number; open: boolean }) => s.free > 0 && s.open).start;
    return (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'ac-cleaning', slot, contact: { name: 'Kari Nordmann', phone: '+47 22 33 44 55' } } })).body;
  };

  it('pays a booking left unpaid from its tracking page on the simulated provider, comes back, and is offered nothing more, in Norwegian and axe-clean', async () => {
    const placed = await unpaidBooking();
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.gw.http}/track/${placed.trackToken}?lang=nb`);

    const payNow = page.locator('ds-order-summary [data-pay-now]');
    await payNow.waitFor(seen);
    expect(await payNow.textContent()).toContain(catalogs.nb['order.payNowButton'].split(' {')[0]);
    await page.locator('ds-order-summary [data-pay-by]').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
    await payNow.click();

    await page.waitForURL(/\/pay\//, seen);
    expect(new URL(page.url()).searchParams.get('back')).toBe(`/track/${placed.trackToken}?lang=nb`);
    await page.getByRole('button', { name: /Betal/ }).click();
    await page.locator('ds-pay-page [data-paid]').waitFor(seen);
    await page.locator('ds-pay-page [data-back]').click();

    await page.waitForURL(/\/track\//, seen);
    await page.locator('ds-order-summary [data-order-status="confirmed"]').waitFor(seen);
    expect(await page.locator('ds-order-summary [data-pay-now]').count()).toBe(0);
    const order = (await site.gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    expect(order).toMatchObject({ status: 'confirmed', paid: order.total });
  });

  it('names the action in each language, and offers nothing on a cancelled booking', async () => {
    const placed = await unpaidBooking();
    page = await site.browser.newPage();
    for (const lang of ['en', 'zh', 'nl'] as const) {
      await page.goto(`${site.gw.http}/track/${placed.trackToken}?lang=${lang}`);
      const payNow = page.locator('ds-order-summary [data-pay-now]');
      await payNow.waitFor(seen);
      expect(await payNow.textContent()).toContain(catalogs[lang]['order.payNowButton'].split('{')[0]!.trim());
    }
    await site.gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    await page.goto(`${site.gw.http}/track/${placed.trackToken}?lang=en`);
    await page.locator('ds-order-summary [data-order-status="cancelled"]').waitFor(seen);
    expect(await page.locator('ds-order-summary [data-pay-now]').count()).toBe(0);
  });
});
