import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

describe('a tenant\'s paid orders in the portal', () => {
  let gw: TestGateway;
  const now = '2026-12-06T10:00:00.000Z';

  beforeAll(async () => {
    gw = await startTestGateway({ demoInquiries: true, clock: () => now });
  });
  afterAll(async () => { await gw?.stop(); });

  it('shows the order booked with the tenant\'s address, with its receipt once paid, and not to another company', async () => {
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
    const placed = (await gw.call('POST', `/api/rooms/r201/orders?k=${k}`, {
      body: { service: 'ac-cleaning', slot: '2026-12-07T08:00:00Z', contact: { name: 'Lena Brandt', email: 'Lena.Brandt@nordlys.example' } },
    })).body;
    await gw.call('POST', `/api/pay/${decodeURIComponent(new URL(placed.payment.url).pathname.split('/').at(-1)!)}`);
    const [lena, mei] = [await tenantSignIn(gw, 'lena.brandt@nordlys.example'), await tenantSignIn(gw, 'mei.lin@harbour.example')];
    let mine = (await gw.call('GET', '/api/portal/orders', { cookie: lena })).body;
    for (let i = 0; i < 50 && mine.orders[0]?.status !== 'confirmed'; i++) {
      await sleep(20);
      mine = (await gw.call('GET', '/api/portal/orders', { cookie: lena })).body;
    }

    const theirs = await gw.call('GET', '/api/portal/orders', { cookie: mei });
    const signedOut = await gw.call('GET', '/api/portal/orders');

    expect(mine.orders).toHaveLength(1);
    expect(mine.orders[0]).toMatchObject({
      id: placed.order.id, status: 'confirmed', paid: placed.payment.amount,
      receipt: { order: placed.order.id, payments: [{ provider: 'simulated', amount: placed.payment.amount }] },
    });
    expect(mine.orders[0].contact).toBeUndefined();
    expect(theirs.body.orders).toEqual([]);
    expect(signedOut.status).toBe(401);
  });
});
