import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const friday = '2026-12-04T09:00:00.000Z';
const monday9 = '2026-12-07T08:00:00Z';
let gw: TestGateway;

beforeAll(async () => { gw = await startTestGateway({ clock: () => friday, demoStock: true }); });
afterAll(async () => { await gw?.stop(); });

it('charges billable units used on a paid job on its order, and records their disposal once the order is paid', async () => {
  const hanna = await gw.login('hanna');
  const eva = await gw.login('eva');
  const url = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi);
  const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${url.searchParams.get('k')}`, { body: { service: 'ac-cleaning', slot: monday9, quantity: 1, contact: { name: 'Lena Brandt', phone: '+47 22 33 44 55' } } })).body;
  const { id: order, ticket } = placed.order;
  await gw.call('POST', `/api/orders/${order}/settle`, { cookie: hanna, body: { kind: 'paid', amount: placed.order.total, reference: 'sim-1' } });
  await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'dirk' } });
  const dirk = await gw.login('dirk');
  const items = (await gw.call('GET', '/api/stock', { cookie: hanna })).body.items as { id: string; name: string }[];
  const filter = items.find((i) => i.name === 'Air-conditioner filter')!.id;
  const cloth = items.find((i) => i.name === 'Microfibre cloth')!.id;
  for (const item of [filter, cloth]) await gw.call('POST', `/api/tickets/${ticket}/consumables/issue`, { cookie: eva, body: { item, quantity: 2 } });

  const usedFilter = await gw.call('POST', `/api/tickets/${ticket}/consumables/use`, { cookie: dirk, body: { item: filter, quantity: 2 } });
  await gw.call('POST', `/api/tickets/${ticket}/consumables/use`, { cookie: dirk, body: { item: cloth, quantity: 1 } });
  const charged = (await gw.call('GET', `/api/orders/${order}`, { cookie: hanna })).body;
  const consumables = charged.lines.filter((l: { kind: string }) => l.kind === 'consumable');
  await gw.call('POST', `/api/orders/${order}/settle`, { cookie: hanna, body: { kind: 'paid', amount: charged.total - charged.paid, reference: 'sim-2' } });
  let job = (await gw.call('GET', `/api/tickets/${ticket}/consumables`, { cookie: hanna })).body;
  for (let i = 0; i < 50 && job.items.find((x: { item: string }) => x.item === filter).disposed === 0; i++) {
    await new Promise((r) => setTimeout(r, 20));
    job = (await gw.call('GET', `/api/tickets/${ticket}/consumables`, { cookie: hanna })).body;
  }

  expect(usedFilter.status).toBe(200);
  expect(consumables).toEqual([expect.objectContaining({ label: 'Air-conditioner filter', quantity: 2, ref: expect.stringMatching(new RegExp(`^stock:${filter}:`)) })]);
  expect(charged.total).toBe(placed.order.total + consumables[0].amount);
  expect(job.items.find((x: { item: string }) => x.item === filter)).toMatchObject({ used: 2, disposed: 2 });
  expect(job.items.find((x: { item: string }) => x.item === cloth)).toMatchObject({ used: 1, disposed: 1 });
  const disposals = (await gw.call('GET', `/api/stock/movements?ticket=${ticket}`, { cookie: hanna })).body.movements.filter((m: { kind: string }) => m.kind === 'disposed');
  expect(disposals.every((m: { by: string; delta: number }) => m.by === 'system' && m.delta === 0)).toBe(true);
});
