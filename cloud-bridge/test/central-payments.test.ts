import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedKey } from '../../edge/src/payments/provider-setup.ts';
import { freePort } from '../../edge/test/support/ports.ts';
import { wechatNotice, wechatPlatform } from '../../edge/test/support/provider-keys.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

describe('payment notices through the central server', () => {
  let rig: Rig;
  let hanna: string;
  const platform = wechatPlatform();

  beforeAll(async () => {
    // The site's simulated provider key exists before either server starts, as a deployment copies its public half to the central server.
    const siteDir = mkdtempSync(join(tmpdir(), 'doorside-'));
    const { publicKey } = simulatedKey(siteDir);
    const port = await freePort();
    rig = await startRig(
      { port, payments: { simulated: { publicKey }, wechat: { apiV3Key: platform.apiV3Key, keys: new Map([[platform.serial, platform.publicKey]]) } } },
      { dataDir: siteDir, payments: { notifyUrl: `http://127.0.0.1:${port}/api/payments/notify`, wechat: { apiV3Key: platform.apiV3Key, keys: new Map([[platform.serial, platform.publicKey]]) } } },
    );
    rig.startAgent();
    await rig.inSync();
    hanna = await rig.gw.login('hanna');
  });
  afterAll(async () => { await rig?.stop(); });

  const payment = async (id: string) => (await rig.gw.call('GET', `/api/payments/${id}`, { cookie: hanna })).body.payment;

  it('pays on the simulated provider: its notice goes to the central server and down to the site as a command', async () => {
    const created = (await rig.gw.call('POST', '/api/payments', { cookie: hanna, body: { order: 'O-100', amount: 4_500, currency: 'CNY', provider: 'simulated' } })).body.payment;

    const paid = await rig.gw.call('POST', `/api/pay/${created.tradeNo}`);

    expect(paid.body).toMatchObject({ delivered: true, status: 200 });
    await until('the site took the payment', async () => (await payment(created.id)).status === 'paid');
    expect(await payment(created.id)).toMatchObject({ status: 'paid', received: 4_500 });
    const taken = rig.gw.store.db.prepare("SELECT actor FROM events WHERE entity = ? AND type = 'payment-taken'").all(`payment:${created.id}`);
    expect(taken).toEqual([{ actor: 'central:provider:simulated' }]);
  });

  it('holds a WeChat Pay notice sent 20 times as one command, taken once; a forged one gets 401 at the central server', async () => {
    const created = (await rig.gw.call('POST', '/api/payments', { cookie: hanna, body: { order: 'O-101', amount: 12_300, currency: 'CNY', provider: 'wechat' } })).body.payment;
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: created.tradeNo, transaction_id: '4200009999202612060000000001', total: 12_300 });
    const url = `${rig.central!.url}/api/payments/notify/wechat`;

    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url, { method: 'POST', headers: notice.headers, body: notice.body }).then((r) => r.status)));
    const forged = await fetch(url, { method: 'POST', headers: notice.headers, body: notice.body.replace('encrypt-resource', 'encrypt-resource ') });

    expect(answers).toEqual(Array(20).fill(204));
    expect(forged.status).toBe(401);
    await until('the site took the payment', async () => (await payment(created.id)).status === 'paid');
    await rig.inSync();
    const held = await rig.central!.app.inject({ method: 'GET', url: '/health' });
    expect(held.statusCode).toBe(200);
    const events = rig.gw.store.db.prepare('SELECT type FROM events WHERE entity = ? ORDER BY seq').all(`payment:${created.id}`);
    expect(events).toEqual([{ type: 'payment-created' }, { type: 'payment-taken' }]);
  });

  it('answers 404 for a trade number of a site it does not know, holding nothing', async () => {
    const notice = wechatNotice(platform, platform.serial, { out_trade_no: 'elsewhere_P-1', transaction_id: '4200009999202612060000000002', total: 100 });

    const res = await fetch(`${rig.central!.url}/api/payments/notify/wechat`, { method: 'POST', headers: notice.headers, body: notice.body });

    expect(res.status).toBe(404);
  });
});
