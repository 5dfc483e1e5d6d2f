import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('a vendor step brought down from the central server', () => {
  let gw: TestGateway;
  let hanna: string;
  let vendor: string;

  const digestOf = (url: string) => createHash('sha256').update(new URL(url).pathname.split('/').pop()!).digest('hex');
  const down = (fields: Record<string, unknown>, id = randomUUID()) => gw.call('POST', '/api/bridge/commands', {
    body: { id, type: 'vendor-action', by: 'vendor-page', ...fields }, headers: { authorization: `Bearer ${gw.creds.bridge!.key}` },
  });
  const send = async () => {
    const sent = (await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor, title: 'Gate motor' } })).body;
    return { id: sent.workOrder.id as string, digest: digestOf(sent.links[0].url) };
  };

  beforeAll(async () => {
    gw = await startTestGateway();
    hanna = await gw.login('hanna');
    vendor = (await gw.call('POST', '/api/vendors', { cookie: hanna, body: { name: 'Portteknikk', trade: 'gates', email: 'p@port.example', contacts: [{ name: 'Desk', email: 'd@port.example' }] } })).body.id;
  });
  afterAll(async () => { await gw?.stop(); });

  it('applies it through the vendor rules with the vendor as actor, once however often it is sent', async () => {
    const order = await send();
    const id = randomUUID();

    const first = await down({ digest: order.digest, action: 'accept', body: { note: 'Monday' } }, id);
    const again = await down({ digest: order.digest, action: 'accept', body: { note: 'Monday' } }, id);

    expect(first.body).toMatchObject({ outcome: 'applied', seq: expect.any(Number) });
    expect(again.body).toEqual(first.body);
    const after = gw.store.workOrders.get(order.id)!;
    expect(after.status).toBe('accepted');
    expect(after.history.filter((h) => h.action === 'accept')).toHaveLength(1);
    expect(gw.store.log.after(first.body.seq - 1, 1)[0]).toMatchObject({ type: 'work-order-accepted', actor: expect.stringMatching(new RegExp(`^vendor:${vendor}/C-`)) });
  });

  it('refuses, as an answer, what the rules refuse: a step out of turn, an unknown link, bad fields', async () => {
    const order = await send();

    const early = await down({ digest: order.digest, action: 'done', body: { minutes: 5 } });
    const unknown = await down({ digest: 'a'.repeat(64), action: 'accept', body: {} });
    const bad = await down({ digest: order.digest, action: 'decline', body: {} });

    expect(early.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^WORK_ORDER_STATE/) });
    expect(unknown.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^NOT_FOUND/) });
    expect(bad.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^INVALID/) });
    expect(gw.store.workOrders.get(order.id)!.status).toBe('sent');
  });
});
