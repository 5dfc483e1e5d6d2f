import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { alipayNotice, rsaPair, wechatNotice, wechatPlatform } from './support/provider-keys.ts';
import { type StandIn, startStandIn } from './support/provider-stand-in.ts';

const merchantSerial = '444F4864EA9B34415D1DD0F3C4E4B7A9F4E3F0C1';
const mchid = '1230000109';
const appId = '2021000000000001';

describe('opening payments and refunds at WeChat Pay and Alipay, signed as they document', () => {
  let gw: TestGateway;
  let standIn: StandIn;
  let hanna: string;
  let qr: { room: string; k: string };
  const platform = wechatPlatform();
  const merchant = rsaPair();
  const app = rsaPair();
  const alipayKeys = rsaPair();
  const stranger = rsaPair();
  let order = 0;

  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    let value = await read();
    for (let i = 0; i < 100 && !done(value); i++) {
      await new Promise((r) => setTimeout(r, 20));
      value = await read();
    }
    return value;
  };
  const payment = async (id: string) => (await gw.call('GET', `/api/payments/${id}`, { cookie: hanna })).body;
  const ask = (provider: string, amount: number) =>
    gw.call('POST', '/api/payments', { cookie: hanna, body: { order: `X-${++order}`, amount, currency: 'CNY', provider } });

  beforeAll(async () => {
    standIn = await startStandIn({
      merchantPublicKey: merchant.publicKey, wechat: { privateKey: platform.privateKey, serial: platform.serial },
      alipay: { privateKey: alipayKeys.privateKey, appPublicKey: app.publicKey }, stranger: stranger.privateKey,
    });
    gw = await startTestGateway({
      payments: {
        orderProvider: 'wechat',
        wechat: {
          apiV3Key: platform.apiV3Key, mchid, keys: new Map([[platform.serial, platform.publicKey]]),
          merchant: { appid: 'wxd678efh567hg6787', serial: merchantSerial, privateKey: merchant.privateKey, api: standIn.url },
        },
        alipay: { appId, publicKey: alipayKeys.publicKey, app: { privateKey: app.privateKey, gateway: `${standIn.url}/gateway.do` } },
      },
    });
    hanna = await gw.login('hanna');
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi);
    qr = { room: 'r201', k: url.searchParams.get('k')! };
  });
  afterAll(async () => {
    await gw?.stop();
    await standIn?.close();
  });

  it('opens a booking paid at order at WeChat Pay, takes its notice, and refunds through WeChat Pay when the occupant cancels', async () => {
    const now = new Date();
    const slots = (await gw.call('GET', `/api/services/home-cleaning/slots?k=${qr.k}&from=${now.toISOString()}&to=${new Date(now.getTime() + 14 * 86_400_000).toISOString()}`)).body.slots;
    const slot = slots.find((s: { free: number; open: boolean }) => s.free > 0 && s.open).start;

    const placed = (await gw.call('POST', `/api/rooms/${qr.room}/orders?k=${qr.k}`, { body: { service: 'home-cleaning', slot, contact: { name: 'Li Na', phone: '+86 138 0000 0000' } } })).body;
    const opened = standIn.seen.find((r) => r.path === '/v3/pay/transactions/native')!;
    const [created] = (await gw.call('GET', `/api/payments?order=${placed.order.id}`, { cookie: hanna })).body.payments;
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000001202612060000000001', total: 99_000, currency: 'NOK', mchid });
    const notified = await fetch(`${gw.http}/api/payments/notify/wechat`, { method: 'POST', headers: notice.headers, body: notice.body });
    const cancelled = await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const after = await until(() => payment(created.id), (v) => v.refunds[0]?.status === 'done');

    expect(placed.payment.url).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    expect(opened.authorization).toMatch(new RegExp(`^WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="[0-9A-F]{32}",signature="[^"]+",timestamp="\\d+",serial_no="${merchantSerial}"$`));
    expect(opened.body).toMatchObject({ mchid, appid: 'wxd678efh567hg6787', out_trade_no: created.tradeNo, notify_url: `${gw.http}/api/payments/notify/wechat`, amount: { total: 99_000, currency: 'NOK' } });
    expect(notified.status).toBe(204);
    expect(cancelled.body.status).toBe('cancelled');
    const refund = standIn.seen.find((r) => r.path === '/v3/refund/domestic/refunds')!;
    expect(refund.body).toMatchObject({ out_trade_no: created.tradeNo, out_refund_no: `demo_${after.refunds[0].id}`, amount: { refund: 99_000, total: 99_000, currency: 'NOK' } });
    expect(after.payment).toMatchObject({ status: 'refunded', refunded: 99_000 });
    expect(after.refunds[0]).toMatchObject({ status: 'done', amount: 99_000, reference: expect.stringMatching(/^50000000/) });
    expect(standIn.refused).toBe(0);
  });

  it('opens an Alipay payment by alipay.trade.precreate signed RSA2 over the sorted parameters, and refunds it at once', async () => {
    const asked = await ask('alipay', 8_800);
    const precreate = standIn.seen.find((r) => r.path === 'alipay.trade.precreate' && (r.body.biz_content as { out_trade_no: string }).out_trade_no === asked.body.payment.tradeNo)!;
    const form = alipayNotice(alipayKeys.privateKey, {
      app_id: appId, notify_id: 'ac05099524730693a8b330c5ecf72da9786', notify_type: 'trade_status_sync', notify_time: '2026-12-06 18:02:00', charset: 'utf-8', version: '1.0',
      out_trade_no: asked.body.payment.tradeNo, trade_no: '2026120622001400000000000001', trade_status: 'TRADE_SUCCESS', total_amount: '88.00', gmt_payment: '2026-12-06 18:01:59',
    });
    await fetch(`${gw.http}/api/payments/notify/alipay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });

    const refunded = await gw.call('POST', `/api/payments/${asked.body.payment.id}/refund`, { cookie: hanna, body: { amount: 3_000, reason: 'One item not done' } });
    const after = await until(() => payment(asked.body.payment.id), (v) => v.refunds[0]?.status === 'done');

    expect(asked.status).toBe(200);
    expect(asked.body.payUrl).toMatch(/^https:\/\/qr\.alipay\.com\//);
    expect(asked.body.payment.payAt).toBe(asked.body.payUrl);
    expect(precreate.body).toMatchObject({ app_id: appId, method: 'alipay.trade.precreate', sign_type: 'RSA2', charset: 'utf-8', notify_url: `${gw.http}/api/payments/notify/alipay`, biz_content: { total_amount: '88.00' } });
    expect(precreate.body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(refunded.body.refunds[0]).toMatchObject({ status: 'requested', amount: 3_000 });
    expect(standIn.seen.find((r) => r.path === 'alipay.trade.refund')!.body.biz_content).toMatchObject({ out_trade_no: asked.body.payment.tradeNo, refund_amount: '30.00' });
    expect(after.refunds[0]).toMatchObject({ status: 'done', amount: 3_000 });
    expect(after.payment).toMatchObject({ status: 'paid', received: 8_800, refunded: 3_000 });
  });

  it('records a refund the provider refuses as failed, with its code', async () => {
    const asked = await ask('wechat', 5_000);
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: asked.body.payment.tradeNo, transaction_id: '4200000001202612060000000002', total: 5_000, mchid });
    await fetch(`${gw.http}/api/payments/notify/wechat`, { method: 'POST', headers: notice.headers, body: notice.body });
    standIn.mode = 'refuse-refunds';

    await gw.call('POST', `/api/payments/${asked.body.payment.id}/refund`, { cookie: hanna, body: { amount: 5_000, reason: 'Cancelled' } });
    const after = await until(() => payment(asked.body.payment.id), (v) => v.refunds[0]?.status !== 'requested');
    standIn.mode = 'normal';

    expect(after.refunds[0]).toMatchObject({ status: 'failed', failure: 'NOT_ENOUGH' });
  });

  it('believes no answer whose signature does not verify (503 PROVIDER_UNAVAILABLE), and keeps the payment waiting without a link', async () => {
    standIn.mode = 'forged-answers';

    const wechat = await ask('wechat', 1_000);
    const alipay = await ask('alipay', 1_000);
    standIn.mode = 'normal';

    expect(wechat.status).toBe(503);
    expect(wechat.body.error).toBe('PROVIDER_UNAVAILABLE');
    expect(alipay.status).toBe(503);
    const waiting = (await gw.call('GET', `/api/payments?order=X-${order - 1}`, { cookie: hanna })).body.payments;
    expect(waiting).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(waiting[0].payAt ?? null).toBeNull();
  });

  it('is refused by the provider when the request is signed with another key (409 PROVIDER_REFUSED)', async () => {
    standIn.merchantPublicKey = stranger.publicKey;
    const before = standIn.refused;

    const res = await ask('wechat', 2_000);
    standIn.merchantPublicKey = merchant.publicKey;

    expect(standIn.refused).toBe(before + 1);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'PROVIDER_REFUSED', details: { provider: 'wechat', code: 'SIGN_ERROR' } });
  });
});
