import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const friday = '2026-12-04T09:00:00.000Z';
const contact = { name: 'Lena Brandt', phone: '+47 22 33 44 55' };

describe('order figures: consumables cost, and ratings of paid work', () => {
  let gw: TestGateway;
  let hanna: string;
  let k: string;

  const kpis = async () => (await gw.call('GET', '/api/kpis?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z', { cookie: hanna })).body;
  const figures = async (query = '') => (await gw.call('GET', `/api/orders/figures${query}`, { cookie: hanna })).body;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => friday, demoStock: true });
    hanna = await gw.login('hanna');
    k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
  });
  afterAll(async () => { await gw?.stop(); });

  it('adds up the consumables used on each order\'s job at their cost, per order, per service and in all', async () => {
    const eva = await gw.login('eva');
    const dirk = await gw.login('dirk');
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'drain-unblocking', slot: '2026-12-07T09:00:00Z', contact } })).body;
    const ticket = placed.order.ticket;
    await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'dirk' } });
    const items = (await gw.call('GET', '/api/stock', { cookie: hanna })).body.items as { id: string; name: string; cost: number }[];
    const cleaner = items.find((i) => i.name === 'Drain cleaner')!;
    const cloth = items.find((i) => i.name === 'Microfibre cloth')!;
    for (const item of [cleaner, cloth]) await gw.call('POST', `/api/tickets/${ticket}/consumables/issue`, { cookie: eva, body: { item: item.id, quantity: 3 } });

    await gw.call('POST', `/api/tickets/${ticket}/consumables/use`, { cookie: dirk, body: { item: cleaner.id, quantity: 2 } });
    await gw.call('POST', `/api/tickets/${ticket}/consumables/use`, { cookie: dirk, body: { item: cloth.id, quantity: 3 } });
    await gw.call('POST', `/api/tickets/${ticket}/consumables/return`, { cookie: dirk, body: { item: cleaner.id, quantity: 1 } });
    const all = await figures();
    const outside = await figures('?from=2026-12-05T00:00:00Z');

    const cost = 2 * cleaner.cost + 3 * cloth.cost;
    expect(all.consumablesCost).toBe(cost);
    expect(all.consumablesByOrder).toEqual([{ order: placed.order.id, service: 'drain-unblocking', cost, units: 5 }]);
    expect(all.byService.find((s: { service: string }) => s.service === 'drain-unblocking')).toMatchObject({ orders: 1, consumablesCost: cost });
    expect(outside).toMatchObject({ consumablesCost: 0, consumablesByOrder: [] });
  });

  it('counts the rating of paid work in the same ratings figures as a free report\'s', async () => {
    const before = (await kpis()).ratings;
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, { body: { service: 'carpet-cleaning', slot: '2026-12-07T09:00:00Z', quantity: 10, contact } })).body;
    const ticket = placed.order.ticket;
    await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${ticket}/start`, { cookie: ana });
    await gw.call('POST', `/api/tickets/${ticket}/complete`, { cookie: ana });
    const report = (await gw.call('POST', `/api/rooms/r201/reports?k=${k}`, { body: { category: 'cleaning', description: 'Spilled coffee by the window' } })).body;
    await gw.call('POST', `/api/tickets/${report.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${report.ticket.id}/start`, { cookie: ana });
    await gw.call('POST', `/api/tickets/${report.ticket.id}/complete`, { cookie: ana });

    const paidRating = await gw.call('POST', `/api/track/${placed.trackToken}/rating`, { body: { score: 5 } });
    const freeRating = await gw.call('POST', `/api/track/${report.trackToken}/rating`, { body: { score: 3 } });
    const after = (await kpis()).ratings;

    expect(placed.order).toMatchObject({ paymentMode: 'after-service' });
    expect(paidRating.status).toBe(200);
    expect(freeRating.status).toBe(200);
    expect(after.count).toBe(before.count + 2);
    expect(after.distribution[4]).toBe(before.distribution[4] + 1);
    expect(after.distribution[2]).toBe(before.distribution[2] + 1);
    expect((await gw.call('GET', `/api/orders/${placed.order.id}`, { cookie: hanna })).body.status).toBe('billed');
  });
});
