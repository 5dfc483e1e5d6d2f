import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatKeysFrom } from '../src/payments/provider-setup.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { alipayNotice, rsaPair, wechatNotice, wechatPlatform } from './support/provider-keys.ts';

describe('payments: providers, notices, refunds', () => {
  let gw: TestGateway;
  let hanna: string;
  const platform = wechatPlatform();
  // WeChat Pay's newer scheme: a platform public key known by its id, beside the certificate.
  const pubKeyId = 'PUB_KEY_ID_0114232134912410000000000000000';
  const second = rsaPair();
  const alipayKeys = rsaPair();
  const keysDir = mkdtempSync(join(tmpdir(), 'wxkeys-'));
  let order = 0;

  const pay = async (provider: string, amount: number, extra: Record<string, unknown> = {}) => {
    const res = await gw.call('POST', '/api/payments', { cookie: hanna, body: { order: `O-${++order}`, amount, currency: 'CNY', provider, ...extra } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const notify = (provider: string, body: string, headers: Record<string, string>) =>
    fetch(`${gw.http}/api/payments/notify/${provider}`, { method: 'POST', headers, body });
  const payment = async (id: string) => (await gw.call('GET', `/api/payments/${id}`, { cookie: hanna })).body;
  const events = (id: string) => (gw.store.db.prepare('SELECT type FROM events WHERE entity = ? ORDER BY seq').all(`payment:${id}`) as { type: string }[]).map((e) => e.type);

  beforeAll(async () => {
    writeFileSync(join(keysDir, `${pubKeyId}.pem`), second.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(keysDir, 'platform-cert.pem'), platform.certificatePem);
    gw = await startTestGateway({
      payments: {
        wechat: { apiV3Key: platform.apiV3Key, keysFolder: keysDir, mchid: '1230000109' },
        alipay: { appId: '2021000000000001', publicKey: alipayKeys.publicKey },
      },
    });
    hanna = await gw.login('hanna');
  });
  afterAll(async () => {
    await gw?.stop();
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('reads WeChat Pay keys by certificate serial and by public-key id', () => {
    const keys = wechatKeysFrom(keysDir);

    expect([...keys.keys()].sort()).toEqual([platform.serial, pubKeyId].sort());
    expect(new X509Certificate(platform.certificatePem).serialNumber.toUpperCase()).toBe(platform.serial);
  });

  it('pays on the simulated provider\'s page: its signed notice comes back over HTTP and the payment is taken', async () => {
    const { payment: created, payUrl } = await pay('simulated', 12_000);
    expect(payUrl).toBe(`${gw.http}/pay/${created.tradeNo}`);
    expect((await gw.call('GET', `/api/pay/${created.tradeNo}`)).body).toMatchObject({ amount: 12_000, currency: 'CNY', status: 'pending' });

    const res = await gw.call('POST', `/api/pay/${created.tradeNo}`);

    expect(res.body).toMatchObject({ delivered: true, status: 200, view: { status: 'paid' } });
    expect((await payment(created.id)).payment).toMatchObject({ status: 'paid', received: 12_000 });
  });

  it('takes a WeChat Pay notice sent 20 times as one payment', async () => {
    const { payment: created } = await pay('wechat', 8_800);
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200001234202612061234567890', total: 8_800 });

    const answers = await Promise.all(Array.from({ length: 20 }, () => notify('wechat', notice.body, notice.headers).then((r) => r.status)));

    expect(answers).toEqual(Array(20).fill(204));
    expect((await payment(created.id)).payment).toMatchObject({ status: 'paid', received: 8_800, transaction: '4200001234202612061234567890' });
    expect(events(created.id)).toEqual(['payment-created', 'payment-taken']);
  });

  it('takes a notice signed with the platform public key named by its PUB_KEY_ID', async () => {
    const { payment: created } = await pay('wechat', 500);
    const notice = wechatNotice({ privateKey: second.privateKey, apiV3Key: platform.apiV3Key }, pubKeyId, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000001', total: 500 });

    const res = await notify('wechat', notice.body, notice.headers);

    expect(res.status).toBe(204);
    expect((await payment(created.id)).payment.status).toBe('paid');
  });

  it('acknowledges a verified refund notice without taking it as money in', async () => {
    const { payment: created } = await pay('wechat', 700);
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000009', total: 700 }, new Date(), 'REFUND.SUCCESS');
    const head = gw.store.log.head.seq;

    const res = await notify('wechat', notice.body, notice.headers);

    expect(res.status).toBe(204);
    expect(gw.store.log.head.seq).toBe(head);
    expect((await payment(created.id)).payment.status).toBe('pending');
  });

  it('flags a notice whose amount does not match the order, and does not take it', async () => {
    const { payment: created } = await pay('wechat', 9_900);
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000002', total: 99 });

    const res = await notify('wechat', notice.body, notice.headers);

    expect(res.status).toBe(204);
    expect((await payment(created.id)).payment).toMatchObject({
      status: 'flagged', received: 99, flag: { code: 'AMOUNT_MISMATCH', params: { expected: 9_900, received: 99 } },
    });
  });

  it('refuses with 401 a bad signature, an unknown serial, an altered body and a stale timestamp, changing nothing', async () => {
    const { payment: created } = await pay('wechat', 1_000);
    const good = () => wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000003', total: 1_000 });
    const forged = wechatNotice({ privateKey: rsaPair().privateKey, apiV3Key: platform.apiV3Key }, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000003', total: 1_000 });
    const unknown = good();
    const altered = good();
    const stale = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200000000000000000000000003', total: 1_000 }, new Date(Date.now() - 6 * 60_000));
    const head = gw.store.log.head.seq;

    const answers = await Promise.all([
      notify('wechat', forged.body, forged.headers),
      notify('wechat', unknown.body, { ...unknown.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_UNKNOWN' }),
      notify('wechat', altered.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '), altered.headers),
      notify('wechat', stale.body, stale.headers),
    ]);

    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await Promise.all(answers.map(async (r) => (await r.json()).details.problem))).toEqual(['BAD_SIGNATURE', 'UNKNOWN_SERIAL', 'BAD_SIGNATURE', 'STALE_TIMESTAMP']);
    expect(gw.store.log.head.seq).toBe(head);
    expect((await payment(created.id)).payment.status).toBe('pending');
  });

  it('takes an Alipay notice signed RSA2 over the sorted parameters and answers success', async () => {
    const { payment: created } = await pay('alipay', 20_050);
    const body = alipayNotice(alipayKeys.privateKey, {
      app_id: '2021000000000001', charset: 'utf-8', notify_type: 'trade_status_sync', notify_id: 'ac05099524730693a8b330c5ecf72da9786',
      notify_time: '2026-12-06 18:10:49', version: '1.0', trade_no: '2026120622001403930500000001', out_trade_no: created.tradeNo,
      trade_status: 'TRADE_SUCCESS', total_amount: '200.50', receipt_amount: '200.50', subject: '空调清洗 Air conditioner cleaning', gmt_payment: '2026-12-06 18:10:47', buyer_id: '2088102122524333',
    });
    const headers = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' };

    const res = await notify('alipay', body, headers);
    const tampered = await notify('alipay', body.replace('200.50', '2.50'), headers);

    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(tampered.status).toBe(401);
    expect((await payment(created.id)).payment).toMatchObject({ status: 'paid', received: 20_050, paidAt: '2026-12-06T10:10:47.000Z' });
  });

  it('refuses a second payment for a paid order, and a refund larger than the payment', async () => {
    const { payment: paid } = await pay('company', 3_000, { company: 'Nordlys AS' });

    const again = await gw.call('POST', '/api/payments', { cookie: hanna, body: { order: paid.order, amount: 3_000, currency: 'CNY', provider: 'simulated' } });
    const tooMuch = await gw.call('POST', `/api/payments/${paid.id}/refund`, { cookie: hanna, body: { amount: 3_001, reason: 'visit cancelled' } });
    const part = await gw.call('POST', `/api/payments/${paid.id}/refund`, { cookie: hanna, body: { amount: 1_000, reason: 'one hour less' } });
    const rest = await gw.call('POST', `/api/payments/${paid.id}/refund`, { cookie: hanna, body: { amount: 2_001, reason: 'more than is left' } });

    expect(paid).toMatchObject({ status: 'paid', company: 'Nordlys AS' });
    expect(again).toMatchObject({ status: 409, body: { error: 'ORDER_ALREADY_PAID' } });
    expect(tooMuch).toMatchObject({ status: 409, body: { error: 'REFUND_TOO_LARGE', details: { refundable: 3_000 } } });
    expect(part.body.payment).toMatchObject({ refunded: 1_000, status: 'paid' });
    expect(part.body.refunds).toMatchObject([{ amount: 1_000, status: 'done' }]);
    expect(rest).toMatchObject({ status: 409, body: { error: 'REFUND_TOO_LARGE', details: { refundable: 2_000 } } });
  });

  it('refuses bad input with a reason: a fractional or negative amount, a company charge with no company, a provider not set up', async () => {
    const answers = await Promise.all([
      gw.call('POST', '/api/payments', { cookie: hanna, body: { order: 'O-x1', amount: 10.5, currency: 'CNY', provider: 'simulated' } }),
      gw.call('POST', '/api/payments', { cookie: hanna, body: { order: 'O-x2', amount: -5, currency: 'CNY', provider: 'simulated' } }),
      gw.call('POST', '/api/payments', { cookie: hanna, body: { order: 'O-x3', amount: 100, currency: 'CNY', provider: 'company' } }),
      fetch(`${gw.http}/api/payments/notify/nobody`, { method: 'POST', body: '{}' }),
    ]);

    expect(answers.slice(0, 3).map((r) => [r.status, r.body.error])).toEqual([[400, 'INVALID'], [400, 'INVALID'], [400, 'COMPANY_REQUIRED']]);
    expect(answers[3]!.status).toBe(400);
    expect(createPublicKey(platform.certificatePem)).toBeTruthy();
  });
  it('collects company charges on a monthly statement, as JSON, CSV and PDF', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const first = (await pay('company', 45_000, { company: 'Hafen Logistics BV' })).payment;
    await pay('company', 12_050, { company: 'Hafen Logistics BV' });
    await gw.call('POST', `/api/payments/${first.id}/refund`, { cookie: hanna, body: { amount: 5_000, reason: 'shorter visit' } });
    const query = `month=${month}&company=${encodeURIComponent('Hafen Logistics BV')}`;

    const companies = await gw.call('GET', `/api/payments/statements?month=${month}`, { cookie: hanna });
    const statement = await gw.call('GET', `/api/payments/statement?${query}`, { cookie: hanna });
    const csv = await fetch(`${gw.http}/api/payments/statement.csv?${query}`, { headers: { cookie: hanna } });
    const pdf = await fetch(`${gw.http}/api/payments/statement.pdf?${query}&lang=nb`, { headers: { cookie: hanna } });
    const staff = await gw.call('GET', `/api/payments/statement?${query}`, { cookie: await gw.login('ana') });

    expect(companies.body.companies).toContainEqual({ company: 'Hafen Logistics BV', count: 2, total: 52_050, currency: 'CNY' });
    expect(statement.body).toMatchObject({ company: 'Hafen Logistics BV', month, currency: 'CNY', total: 52_050 });
    expect(statement.body.lines.map((l: { amount: number; refunded: number }) => [l.amount, l.refunded])).toEqual([[45_000, 5_000], [12_050, 0]]);
    const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('company,month,payment,order,charged_at,currency,amount,refunded,owed');
    expect(rows.slice(1).map((r) => r.split(',').slice(-3))).toEqual([['450.00', '50.00', '400.00'], ['120.50', '0.00', '120.50']]);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="statement-demo-hafen-logistics-bv-${month}.csv"`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(staff.status).toBe(403);
  });
});
