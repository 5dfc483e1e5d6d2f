import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { rsaPair, wechatNotice, wechatPlatform } from '../../edge/test/support/provider-keys.ts';
import { type StandIn, startStandIn } from '../../edge/test/support/provider-stand-in.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const mchid = '1230000109';

describe.skipIf(!hasChromium)('a refund that failed, on the dashboard\'s orders', { timeout: 90_000 }, () => {
  let page: Page | undefined;
  let standIn: StandIn;
  const platform = wechatPlatform();
  const merchant = rsaPair();
  // The stand-in's address is known once it listens, before the gateway starts.
  const merchantSettings = { appid: 'wxd678efh567hg6787', serial: '444F4864EA9B34415D1DD0F3C4E4B7A9F4E3F0C1', privateKey: merchant.privateKey, api: '' };
  beforeAll(async () => {
    standIn = await startStandIn({
      merchantPublicKey: merchant.publicKey, wechat: { privateKey: platform.privateKey, serial: platform.serial },
      alipay: { privateKey: rsaPair().privateKey, appPublicKey: rsaPair().publicKey }, stranger: rsaPair().privateKey,
    });
    merchantSettings.api = standIn.url;
    return () => standIn.close();
  });
  const site = browserSite({
    gateway: { payments: { orderProvider: 'wechat', wechat: { apiV3Key: platform.apiV3Key, mchid, keys: new Map([[platform.serial, platform.publicKey]]), merchant: merchantSettings } } },
  });
  afterEach(async () => { await page?.close(); page = undefined; });

  it('shows the provider\'s code on the order, and asks the refund again from there', async () => {
    const { gw } = site;
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
    const day = (offset: number) => `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`;
    const slot = (await gw.call('GET', `/api/services/ac-cleaning/slots?k=${k}&from=${day(1)}&to=${day(15)}`)).body.slots.find((s: { free: number; open: boolean }) => s.free > 0 && s.open).start;
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'ac-cleaning', slot, contact: { name: 'Kari Nordmann', phone: '+47 22 33 44 55' } } })).body;
    const hanna = await gw.login('hanna');
    const [payment] = (await gw.call('GET', `/api/payments?order=${placed.order.id}`, { cookie: hanna })).body.payments;
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: payment.tradeNo, transaction_id: '4200000001202612060000000777', total: payment.amount, currency: payment.currency, mchid });
    await fetch(`${gw.http}/api/payments/notify/wechat`, { method: 'POST', headers: notice.headers, body: notice.body });
    standIn.mode = 'refuse-refunds';
    await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    for (let i = 0; i < 100; i++) {
      if ((await gw.call('GET', `/api/refunds?status=failed&order=${placed.order.id}`, { cookie: hanna })).body.refunds.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    standIn.mode = 'normal';

    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');
    await openSection(page, 'orders');
    const row = page.locator(`ds-orders-section tr[data-order="${placed.order.id}"]`);
    const failed = row.locator('[data-refund-failed]');
    await failed.waitFor(seen);
    expect((await failed.textContent())?.trim()).toBe(catalogs.en['ordDash.refundFailed'].replace('{code}', 'NOT_ENOUGH'));
    expect(await seriousViolations(page)).toEqual([]);

    await row.locator('[data-retry-refund]').click();
    await row.locator('[data-refund-failed]').waitFor({ state: 'detached', ...seen });
    const order = (await gw.call('GET', `/api/orders/${placed.order.id}`, { cookie: hanna })).body;
    expect(order).toMatchObject({ status: 'cancelled', paid: 0, refunded: payment.amount });
  });
});
