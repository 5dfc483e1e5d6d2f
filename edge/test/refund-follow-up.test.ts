import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_CHECK_DELAYS_S } from '../src/payments/refund-rules.ts';
import { wechatPay } from '../src/payments/wechat-pay.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { alipayNotice, rsaPair, wechatNotice, wechatPlatform, wechatRefundNotice } from './support/provider-keys.ts';
import { type StandIn, startStandIn } from './support/provider-stand-in.ts';

const mchid = '1230000109';
const appId = '2021000000000001';

describe('refunds under way at WeChat Pay and Alipay are followed until they end, once', () => {
  let gw: TestGateway;
  let standIn: StandIn;
  let hanna: string;
  let qr: { room: string; k: string };
  const platform = wechatPlatform();
  const merchant = rsaPair();
  const app = rsaPair();
  const alipayKeys = rsaPair();
  // The gateway's and the providers' clock: a test moves it on to make checks due.
  let offset = 0;
  const now = () => Date.now() + offset;
  let transactions = 0;

  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 150): Promise<T> => {
    let value = await read();
    for (let i = 0; i < tries && !done(value); i++) {
      await new Promise((r) => setTimeout(r, 20));
      value = await read();
    }
    return value;
  };
  /** As hanna; the clock moved on by hours ends a session, so she signs in again when asked to. */
  const staff = async (method: string, path: string, body?: unknown) => {
    let res = await gw.call(method, path, { cookie: hanna, ...(body === undefined ? {} : { body }) });
    if (res.status === 401) {
      hanna = await gw.login('hanna');
      res = await gw.call(method, path, { cookie: hanna, ...(body === undefined ? {} : { body }) });
    }
    return res;
  };
  const payment = async (id: string) => (await staff('GET', `/api/payments/${id}`)).body;
  const order = async (id: string) => (await staff('GET', `/api/orders/${id}`)).body;
  const notify = (provider: string, message: { headers: Record<string, string>; body: string }) =>
    fetch(`${gw.http}/api/payments/notify/${provider}`, { method: 'POST', headers: message.headers, body: message.body });

  /** A booking paid at order through WeChat Pay, its payment's notice taken: the order and its payment. */
  const paidBooking = async () => {
    const from = new Date(now());
    const slots = (await gw.call('GET', `/api/services/home-cleaning/slots?k=${qr.k}&from=${from.toISOString()}&to=${new Date(from.getTime() + 20 * 86_400_000).toISOString()}`)).body.slots;
    const slot = slots.find((s: { free: number; open: boolean }) => s.free > 0 && s.open).start;
    const placed = (await gw.call('POST', `/api/rooms/${qr.room}/orders?k=${qr.k}`, { body: { service: 'home-cleaning', slot, contact: { name: 'Li Na', phone: '+86 138 0000 0000' } } })).body;
    const [created] = (await staff('GET', `/api/payments?order=${placed.order.id}`)).body.payments;
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: `42000000012026120600000${String(++transactions).padStart(5, '0')}`, total: created.amount, currency: created.currency, mchid }, new Date(now()));
    expect((await notify('wechat', notice)).status).toBe(204);
    return { placed, payment: created as { id: string; tradeNo: string; amount: number; currency: string } };
  };
  /** Moves the clock past the next check of the refund and waits for that check to be recorded. */
  const nextCheck = async (paymentId: string, refundId: string) => {
    const before = (await payment(paymentId)).refunds.find((r: { id: string }) => r.id === refundId);
    offset = Date.parse(before.nextCheckAt) - Date.now() + 1_000;
    return until(() => payment(paymentId), (v) => {
      const r = v.refunds.find((x: { id: string }) => x.id === refundId);
      return r.status !== 'requested' || (r.checks ?? 0) > (before.checks ?? 0);
    });
  };

  beforeAll(async () => {
    standIn = await startStandIn({
      merchantPublicKey: merchant.publicKey, wechat: { privateKey: platform.privateKey, serial: platform.serial },
      alipay: { privateKey: alipayKeys.privateKey, appPublicKey: app.publicKey }, stranger: rsaPair().privateKey,
    }, now);
    gw = await startTestGateway({
      clock: () => new Date(now()).toISOString(),
      refundCheckMs: 25,
      payments: {
        orderProvider: 'wechat',
        wechat: {
          apiV3Key: platform.apiV3Key, mchid, keys: new Map([[platform.serial, platform.publicKey]]),
          merchant: { appid: 'wxd678efh567hg6787', serial: '444F4864EA9B34415D1DD0F3C4E4B7A9F4E3F0C1', privateKey: merchant.privateKey, api: standIn.url },
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

  it('asks WeChat Pay after a PROCESSING refund by a signed GET, with back-off, until it answers SUCCESS', async () => {
    const { placed, payment: paid } = await paidBooking();
    standIn.refundPlan = { processingFor: 1, then: 'SUCCESS' };
    const cancelled = await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const asked = await until(() => payment(paid.id), (v) => v.refunds[0]?.reference);
    const refund = asked.refunds[0];

    const first = await nextCheck(paid.id, refund.id);
    const second = await nextCheck(paid.id, refund.id);
    const queries = standIn.seen.filter((r) => r.path === `/v3/refund/domestic/refunds/demo_${refund.id}`);
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };

    expect(cancelled.status).toBe(200);
    expect(refund).toMatchObject({ status: 'requested', checks: 0, reference: expect.stringMatching(/^50000000/) });
    expect(Date.parse(refund.nextCheckAt) - Date.parse(refund.at)).toBe(REFUND_CHECK_DELAYS_S[0] * 1000);
    expect(first.refunds[0]).toMatchObject({ status: 'requested', checks: 1 });
    expect(Date.parse(first.refunds[0].nextCheckAt) - (Date.parse(refund.nextCheckAt) + 1_000)).toBeGreaterThanOrEqual(REFUND_CHECK_DELAYS_S[1] * 1000 - 100);
    expect(second.refunds[0]).toMatchObject({ status: 'done', checks: 1, nextCheckAt: null });
    expect(second.payment).toMatchObject({ status: 'refunded', refunded: paid.amount });
    expect(queries).toHaveLength(2);
    expect(queries[0]!.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1230000109"/);
    expect(standIn.refused).toBe(0);
    expect(await order(placed.order.id)).toMatchObject({ status: 'cancelled', paid: 0, refunded: paid.amount });
  });

  it('takes WeChat Pay\'s refund notice: REFUND.SUCCESS settles it once however often it comes, and no check follows', async () => {
    const { placed, payment: paid } = await paidBooking();
    standIn.refundPlan = { processingFor: 10, then: 'PROCESSING' };
    await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const asked = await until(() => payment(paid.id), (v) => v.refunds[0]?.reference);
    const refund = asked.refunds[0];
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const notice = wechatRefundNotice(platform, platform.serial, { out_trade_no: paid.tradeNo, out_refund_no: `demo_${refund.id}`, refund_id: refund.reference, status: 'SUCCESS', total: paid.amount, refund: paid.amount, mchid }, new Date(now()));
      statuses.push((await notify('wechat', notice)).status);
    }
    const late = wechatRefundNotice(platform, platform.serial, { out_trade_no: paid.tradeNo, out_refund_no: `demo_${refund.id}`, refund_id: refund.reference, status: 'ABNORMAL', total: paid.amount, refund: paid.amount, mchid }, new Date(now()));
    statuses.push((await notify('wechat', late)).status);
    offset += 3_600_000;
    await new Promise((r) => setTimeout(r, 150));
    const after = await payment(paid.id);
    const history = (await staff('GET', `/api/payments/${paid.id}`)).body;

    expect(statuses).toEqual([204, 204, 204, 204, 204, 204]);
    expect(after.refunds).toHaveLength(1);
    expect(after.refunds[0]).toMatchObject({ status: 'done', checks: 0, nextCheckAt: null });
    expect(history.payment).toMatchObject({ status: 'refunded', refunded: paid.amount });
    expect(standIn.seen.filter((r) => r.path === `/v3/refund/domestic/refunds/demo_${refund.id}`)).toHaveLength(0);
    expect(await order(placed.order.id)).toMatchObject({ paid: 0, refunded: paid.amount });
  });

  it('a refund that ends ABNORMAL does not count as refunded: the order owes it back again, staff see the code and retry it', async () => {
    const { placed, payment: paid } = await paidBooking();
    standIn.refundPlan = { processingFor: 0, then: 'ABNORMAL' };
    await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const asked = await until(() => payment(paid.id), (v) => v.refunds[0]?.reference);
    const during = await order(placed.order.id);
    const failed = await nextCheck(paid.id, asked.refunds[0].id);
    const orderAfter = await order(placed.order.id);
    const listed = (await staff('GET', '/api/refunds?status=failed')).body.refunds;
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };
    const retried = await staff('POST', `/api/refunds/${asked.refunds[0].id}/retry`);
    const again = await staff('POST', `/api/refunds/${asked.refunds[0].id}/retry`);
    const done = await until(() => payment(paid.id), (v) => v.refunds[1]?.status === 'done');

    expect(during).toMatchObject({ paid: 0, refunded: paid.amount });
    expect(failed.refunds[0]).toMatchObject({ status: 'failed', failure: 'ABNORMAL', nextCheckAt: null });
    expect(failed.payment).toMatchObject({ status: 'paid', refunded: 0 });
    expect(orderAfter).toMatchObject({ status: 'cancelled', paid: paid.amount, refunded: 0 });
    expect(listed.map((r: { id: string }) => r.id)).toContain(asked.refunds[0].id);
    expect(retried.status).toBe(200);
    expect(retried.body.refunds.at(-1)).toMatchObject({ retryOf: asked.refunds[0].id, amount: paid.amount, status: 'requested' });
    expect(again).toMatchObject({ status: 409, body: { error: 'REFUND_NOT_FAILED' } });
    expect(done.refunds[0]).toMatchObject({ status: 'failed', retriedBy: done.refunds[1].id });
    expect(done.payment).toMatchObject({ status: 'refunded', refunded: paid.amount });
    expect(await order(placed.order.id)).toMatchObject({ paid: 0, refunded: paid.amount });
  });

  it('takes a REFUND.CLOSED notice as failed, with WeChat Pay\'s status as the code', async () => {
    const { placed, payment: paid } = await paidBooking();
    standIn.refundPlan = { processingFor: 10, then: 'PROCESSING' };
    await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const refund = (await until(() => payment(paid.id), (v) => v.refunds[0]?.reference)).refunds[0];
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };

    const notice = wechatRefundNotice(platform, platform.serial, { out_trade_no: paid.tradeNo, out_refund_no: `demo_${refund.id}`, refund_id: refund.reference, status: 'CLOSED', total: paid.amount, refund: paid.amount, mchid }, new Date(now()));
    const res = await notify('wechat', notice);
    const after = await payment(paid.id);

    expect(res.status).toBe(204);
    expect(after.refunds[0]).toMatchObject({ status: 'failed', failure: 'CLOSED' });
    expect(after.payment.refunded).toBe(0);
    expect(await order(placed.order.id)).toMatchObject({ paid: paid.amount, refunded: 0 });
  });

  it('after the last check still PROCESSING, gives staff a task once and asks no more', async () => {
    const { placed, payment: paid } = await paidBooking();
    standIn.refundPlan = { processingFor: 100, then: 'PROCESSING' };
    await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    const refund = (await until(() => payment(paid.id), (v) => v.refunds[0]?.reference)).refunds[0];
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };

    let last = await payment(paid.id);
    for (let i = 0; i < REFUND_CHECK_DELAYS_S.length; i++) last = await nextCheck(paid.id, refund.id);
    offset += 24 * 3_600_000;
    await new Promise((r) => setTimeout(r, 150));
    const queries = standIn.seen.filter((r) => r.path === `/v3/refund/domestic/refunds/demo_${refund.id}`);
    const task = (await staff('GET', `/api/tickets/${last.refunds[0].task}`)).body;

    expect(last.refunds[0]).toMatchObject({ status: 'requested', checks: REFUND_CHECK_DELAYS_S.length, nextCheckAt: null, task: expect.stringMatching(/^T-/) });
    expect(queries).toHaveLength(REFUND_CHECK_DELAYS_S.length);
    expect(task).toMatchObject({ kind: 'task', room: placed.order.room, titlePhrase: { code: 'ticket.refundUnsettled', params: { refund: refund.id, order: placed.order.id, provider: 'wechat' } } });
  });

  it('follows an Alipay refund that moved no money yet (fund_change N) by alipay.trade.fastpay.refund.query', async () => {
    const asked = (await staff('POST', '/api/payments', { order: 'X-1', amount: 8_800, currency: 'CNY', provider: 'alipay' })).body;
    const form = alipayNotice(alipayKeys.privateKey, {
      app_id: appId, notify_id: 'ac05099524730693a8b330c5ecf72da9799', notify_type: 'trade_status_sync', notify_time: '2026-12-06 18:02:00', charset: 'utf-8', version: '1.0',
      out_trade_no: asked.payment.tradeNo, trade_no: '2026120622001400000000000099', trade_status: 'TRADE_SUCCESS', total_amount: '88.00', gmt_payment: '2026-12-06 18:01:59',
    });
    await fetch(`${gw.http}/api/payments/notify/alipay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    standIn.refundPlan = { processingFor: 1, then: 'SUCCESS' };
    const refunded = (await staff('POST', `/api/payments/${asked.payment.id}/refund`, { amount: 3_000, reason: 'One item not done' })).body;
    const refund = refunded.refunds[0];
    await until(() => payment(asked.payment.id), (v) => v.refunds[0]?.reference);
    standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };

    const first = await nextCheck(asked.payment.id, refund.id);
    const second = await nextCheck(asked.payment.id, refund.id);

    expect(first.refunds[0]).toMatchObject({ status: 'requested', checks: 1 });
    expect(second.refunds[0]).toMatchObject({ status: 'done' });
    expect(second.payment).toMatchObject({ status: 'paid', refunded: 3_000 });
    expect(standIn.seen.filter((r) => r.path === 'alipay.trade.fastpay.refund.query')).toHaveLength(2);
  });

  it('counts a refund as refunded only when it went through, in the order, the ledger, the figures and /api/kpis revenue alike (table of outcomes)', async () => {
    type Outcome = { name: string; plan: StandIn['refundPlan']; mode?: StandIn['mode']; settle: 'none' | 'check' | 'notice'; notice?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'; counts: boolean; status: string; failure?: string };
    const table: Outcome[] = [
      { name: 'SUCCESS at once', plan: { processingFor: 0, then: 'SUCCESS' }, settle: 'none', counts: true, status: 'done' },
      { name: 'PROCESSING, then SUCCESS on a check', plan: { processingFor: 0, then: 'SUCCESS' }, settle: 'check', counts: true, status: 'done' },
      { name: 'PROCESSING, then ABNORMAL on a check', plan: { processingFor: 0, then: 'ABNORMAL' }, settle: 'check', counts: false, status: 'failed', failure: 'ABNORMAL' },
      { name: 'PROCESSING, then CLOSED on a check', plan: { processingFor: 0, then: 'CLOSED' }, settle: 'check', counts: false, status: 'failed', failure: 'CLOSED' },
      { name: 'PROCESSING, then REFUND.SUCCESS notified', plan: { processingFor: 9, then: 'PROCESSING' }, settle: 'notice', notice: 'SUCCESS', counts: true, status: 'done' },
      { name: 'PROCESSING, then REFUND.ABNORMAL notified', plan: { processingFor: 9, then: 'PROCESSING' }, settle: 'notice', notice: 'ABNORMAL', counts: false, status: 'failed', failure: 'ABNORMAL' },
      { name: 'refused by the provider', plan: { processingFor: 0, then: 'SUCCESS' }, mode: 'refuse-refunds', settle: 'none', counts: false, status: 'failed', failure: 'NOT_ENOUGH' },
    ];
    for (const row of table) {
      const { placed, payment: paid } = await paidBooking();
      // Settled on a check: answered PROCESSING, and the next query finds how it ended.
      standIn.refundPlan = row.settle === 'check' ? { processingFor: 0, then: 'PROCESSING' } : row.plan;
      standIn.mode = row.mode ?? 'normal';
      await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
      let view = await until(() => payment(paid.id), (v) => v.refunds[0]?.reference || v.refunds[0]?.status !== 'requested');
      standIn.mode = 'normal';
      const refund = view.refunds[0];
      if (row.settle === 'check') {
        standIn.refunds.get(`demo_${refund.id}`)!.then = row.plan.then;
        view = await nextCheck(paid.id, refund.id);
      } else if (row.settle === 'notice') {
        await notify('wechat', wechatRefundNotice(platform, platform.serial, { out_trade_no: paid.tradeNo, out_refund_no: `demo_${refund.id}`, refund_id: refund.reference, status: row.notice!, total: paid.amount, refund: paid.amount, mchid }, new Date(now())));
        view = await payment(paid.id);
      } else {
        view = await until(() => payment(paid.id), (v) => v.refunds[0]?.status !== 'requested');
      }
      standIn.refundPlan = { processingFor: 0, then: 'SUCCESS' };
      const after = await order(placed.order.id);
      const counted = row.counts ? paid.amount : 0;
      const kept = view.refunds.filter((r: { status: string }) => r.status !== 'failed').reduce((n: number, r: { amount: number }) => n + r.amount, 0);

      expect({ name: row.name, refund: view.refunds[0] }).toMatchObject({ name: row.name, refund: { status: row.status, ...(row.failure ? { failure: row.failure } : {}) } });
      expect({ name: row.name, refunded: view.payment.refunded, kept }).toEqual({ name: row.name, refunded: counted, kept: counted });
      expect({ name: row.name, paid: after.paid, refunded: after.refunded }).toEqual({ name: row.name, paid: paid.amount - counted, refunded: counted });
      expect(view.payment.status).toBe(row.counts ? 'refunded' : 'paid');
    }

    const orders = (await staff('GET', '/api/orders?limit=1000')).body.orders as { paid: number; refunded: number; id: string }[];
    const figures = (await staff('GET', '/api/orders/figures')).body;
    const kpis = (await staff('GET', `/api/kpis?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(now() + 86_400_000).toISOString()}`)).body;
    const ledger = await Promise.all(orders.map(async (o) => (await staff('GET', `/api/payments?order=${o.id}`)).body.payments as { received: number | null; refunded: number }[]));
    const fromLedger = ledger.flat().reduce((n, p) => n + (p.received ?? 0) - p.refunded, 0);
    const paidSum = orders.reduce((n, o) => n + o.paid, 0);

    expect(figures.revenue).toBe(paidSum);
    expect(fromLedger).toBe(paidSum);
    expect(kpis.revenue).toMatchObject({ amount: paidSum, refunded: orders.reduce((n, o) => n + o.refunded, 0) });
  });

  it('reads two refunds of one payment as two notices, each naming its refund (a central server holds each once)', () => {
    const provider = wechatPay({ apiV3Key: platform.apiV3Key, keys: new Map([[platform.serial, platform.publicKey]]), mchid });
    const at = new Date(now());
    const read = (no: string, id: string) => {
      const notice = wechatRefundNotice(platform, platform.serial, { out_trade_no: 'demo_P-9', out_refund_no: no, refund_id: id, status: 'SUCCESS', total: 5_000, refund: 2_000, mchid }, at);
      return provider.verify({ headers: Object.fromEntries(Object.entries(notice.headers).map(([k, v]) => [k.toLowerCase(), v])), body: notice.body }, at);
    };

    const first = read('demo_R-41', '50000000000000000041');
    const second = read('demo_R-42', '50000000000000000042');

    expect(first).toMatchObject({ event: 'refund', tradeNo: 'demo_P-9', refund: { outRefundNo: 'demo_R-41', outcome: 'done', reference: '50000000000000000041', code: 'SUCCESS' } });
    expect(second.refund?.outRefundNo).toBe('demo_R-42');
    expect(first.key).not.toBe(second.key);
  });
});
