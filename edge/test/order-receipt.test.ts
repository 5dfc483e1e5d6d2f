import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('an order paid on the simulated provider, and its receipt', () => {
  let gw: TestGateway;
  let k: string;
  const now = '2026-12-06T10:00:00.000Z';

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
  });
  afterAll(async () => { await gw?.stop(); });

  it('books, pays on the provider\'s page, confirms the order and shows the receipt on the tracking link', async () => {
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'ac-cleaning', slot: '2026-12-07T08:00:00Z', contact: { name: 'Lena Brandt', phone: '+47 22 33 44 55' } } })).body;
    const tradeNo = decodeURIComponent(new URL(placed.payment.url).pathname.split('/').at(-1)!);
    const before = await gw.call('GET', `/api/track/${placed.trackToken}/receipt`);

    const paid = await gw.call('POST', `/api/pay/${tradeNo}`);

    expect(before.body).toMatchObject({ order: placed.order.id, payments: [], refunds: [] });
    expect(paid.body).toMatchObject({ delivered: true, view: { status: 'paid' } });
    let order = placed.order;
    for (let i = 0; i < 50 && order.status !== 'confirmed'; i++) {
      await sleep(20);
      order = (await gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    }
    expect(order).toMatchObject({ status: 'confirmed', paid: placed.payment.amount });
    const receipt = (await gw.call('GET', `/api/track/${placed.trackToken}/receipt`)).body;
    expect(receipt).toMatchObject({ order: placed.order.id, payee: 'demo', payments: [{ provider: 'simulated', amount: placed.payment.amount, currency: placed.payment.currency, refunded: 0 }], refunds: [] });
    expect((await gw.call('GET', '/api/track/AAAAAAAAAAAAAAAAAAAAAA/receipt')).status).toBe(404);
  });
});
