import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { freePort } from './support/ports.ts';

// Friday 4 December 2026, 10:00 in Oslo; the visits are next week.
const friday = '2026-12-04T09:00:00.000Z';
const contact = { name: 'Lena Brandt', phone: '+47 22 33 44 55' };

describe('pay now: an order left unpaid is paid from its tracking link', () => {
  let gw: TestGateway;
  let now = friday;
  let hanna: string;
  let qr: { room: string; k: string };
  const publicUrl = 'https://doorside.example.org/site';

  const book = async (body: unknown) => (await gw.call('POST', `/api/rooms/${qr.room}/orders?k=${qr.k}`, { body })).body;
  const payNow = (token: string) => gw.call('POST', `/api/track/${token}/order/pay`);
  const payOnPage = (url: string) => gw.call('POST', `/api/pay/${new URL(url).pathname.split('/').pop()}`);

  beforeAll(async () => {
    // Links for the payer are built on the public address; the simulated provider calls the gateway where it listens.
    const port = await freePort();
    gw = await startTestGateway({ clock: () => now, holdExpiryMs: 50, publicUrl, httpPort: port, payments: { notifyUrl: `http://127.0.0.1:${port}/api/payments/notify` } });
    hanna = await gw.login('hanna');
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi);
    qr = { room: 'r201', k: url.searchParams.get('k')! };
  });
  afterAll(async () => { await gw?.stop(); });

  it('offers a booking not paid while its place is held the same payment again, on the public address, and nothing once paid', async () => {
    const placed = await book({ service: 'home-cleaning', slot: '2026-12-09T07:00:00Z', contact });

    const first = await payNow(placed.trackToken);
    const second = await payNow(placed.trackToken);
    const payments = (await gw.call('GET', `/api/payments?order=${placed.order.id}`, { cookie: hanna })).body.payments;
    const paid = await payOnPage(first.body.url);
    const after = await payNow(placed.trackToken);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ order: placed.order.id, amount: 99_000, currency: 'NOK', holdUntil: placed.order.holdUntil });
    expect(first.body.url).toBe(placed.payment.url);
    expect(first.body.url.startsWith(`${publicUrl}/`)).toBe(true);
    expect(second.body.url).toBe(first.body.url);
    expect(payments).toHaveLength(1);
    expect(paid.status).toBe(200);
    expect(after).toMatchObject({ status: 409, body: { error: 'ORDER_STATE' } });
  });

  it('offers nothing once the hold is over', async () => {
    const placed = await book({ service: 'home-cleaning', slot: '2026-12-10T07:00:00Z', contact });
    now = new Date(Date.parse(friday) + 16 * 60_000).toISOString();

    const late = await payNow(placed.trackToken);
    now = friday;

    expect(late).toMatchObject({ status: 409, body: { error: 'ORDER_STATE' } });
  });

  it('bills work paid after service, and pays what is due from the tracking link', async () => {
    const placed = await book({ service: 'carpet-cleaning', slot: '2026-12-07T09:00:00Z', quantity: 10, contact });
    const early = await payNow(placed.trackToken);
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/start`, { cookie: ana });
    await gw.call('POST', `/api/orders/${placed.order.id}/items`, { cookie: ana, body: { label: 'Stain treatment', unitPrice: 25_000 } });
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/complete`, { cookie: ana });

    const pay = await payNow(placed.trackToken);
    const paid = await payOnPage(pay.body.url);
    const order = (await gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    const again = await payNow(placed.trackToken);

    expect(early).toMatchObject({ status: 409, body: { error: 'ORDER_STATE' } });
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ amount: 45_000 + 25_000, holdUntil: null, url: expect.stringMatching(new RegExp(`^${publicUrl}/`)) });
    expect(paid.status).toBe(200);
    expect(order).toMatchObject({ status: 'paid', paid: 70_000 });
    expect(again.status).toBe(409);
  });

  it('pays the rest of a booking paid at order that was billed more on the job, as a second payment taken, not flagged', async () => {
    const placed = await book({ service: 'home-cleaning', slot: '2026-12-11T07:00:00Z', contact });
    await payOnPage(placed.payment.url);
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/start`, { cookie: ana });
    await gw.call('POST', `/api/orders/${placed.order.id}/items`, { cookie: ana, body: { label: 'Oven cleaning', unitPrice: 30_000 } });
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/complete`, { cookie: ana });

    const pay = await payNow(placed.trackToken);
    await payOnPage(pay.body.url);
    const order = (await gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    const payments = (await gw.call('GET', `/api/payments?order=${placed.order.id}`, { cookie: hanna })).body.payments;

    expect(pay.body).toMatchObject({ amount: 30_000 });
    expect(order).toMatchObject({ status: 'paid', total: 129_000, paid: 129_000 });
    expect(payments.map((p: { status: string; amount: number }) => [p.status, p.amount])).toEqual([['paid', 99_000], ['paid', 30_000]]);
  });
});
