import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

// Friday 4 December 2026, 10:00 in Oslo. Monday's slots are bookable until two hours before.
const friday = '2026-12-04T09:00:00.000Z';
const monday9 = '2026-12-07T08:00:00Z';
const monday13 = '2026-12-07T12:00:00Z';
const contact = { name: 'Lena Brandt', phone: '+47 22 33 44 55' };

describe('paid services: catalogue, slots and orders', () => {
  let gw: TestGateway;
  let now = friday;
  let hanna: string;
  let qr: { room: string; k: string };

  const order = (body: unknown, room = qr.room, k = qr.k) => gw.call('POST', `/api/rooms/${room}/orders?k=${k}`, { body });
  const orderCount = async () => (await gw.call('GET', '/api/orders?limit=1000', { cookie: hanna })).body.orders.length as number;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now, holdExpiryMs: 50 });
    hanna = await gw.login('hanna');
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi);
    qr = { room: 'r201', k: url.searchParams.get('k')! };
  });
  afterAll(async () => { await gw?.stop(); });

  it('lists the bookable services to a room\'s QR page, and all of them only to people signed in', async () => {
    const open = await gw.call('GET', `/api/services?k=${qr.k}`);
    const anonymous = await gw.call('GET', '/api/services');
    const wrongCode = await gw.call('GET', '/api/services?k=AAAAAAAAAAAAAAAAAAAAAA');

    expect(open.status).toBe(200);
    expect(open.body.currency).toBe('NOK');
    expect(open.body.services.map((s: { id: string }) => s.id)).toContain('ac-cleaning');
    expect(open.body.services.find((s: { id: string }) => s.id === 'ac-cleaning')).toMatchObject({ team: 'maintenance', paymentMode: 'at-order', price: { kind: 'per-unit', unitPrice: 65_000 } });
    expect(anonymous.status).toBe(401);
    expect(wrongCode.status).toBe(403);
  });

  it('lists a service\'s slots in its time zone with the places left', async () => {
    const res = await gw.call('GET', `/api/services/ac-cleaning/slots?k=${qr.k}&from=2026-12-07T00:00:00%2B01:00&to=2026-12-08T00:00:00%2B01:00`);

    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Europe/Oslo');
    expect(res.body.slots).toEqual([
      { start: monday9, end: '2026-12-07T09:30:00Z', capacity: 3, booked: 0, free: 3, open: true },
      { start: monday13, end: '2026-12-07T13:30:00Z', capacity: 3, booked: 0, free: 3, open: true },
    ]);
  });

  it('marks a slot whose booking has closed (inside the lead time) as not open, and refuses a booking of it', async () => {
    const res = await gw.call('GET', `/api/services/drain-unblocking/slots?k=${qr.k}&from=2026-12-04T00:00:00Z&to=2026-12-05T00:00:00Z`);
    const closed = res.body.slots.find((s: { start: string }) => s.start === '2026-12-04T11:00:00Z');
    const before = await orderCount();

    const booked = await order({ service: 'drain-unblocking', slot: closed.start, contact });

    expect(closed).toMatchObject({ free: expect.any(Number), open: false });
    expect(closed.free).toBeGreaterThan(0);
    expect(res.body.slots.filter((s: { open: boolean }) => s.open).every((s: { start: string }) => s.start > closed.start)).toBe(true);
    expect([booked.status, booked.body.error]).toEqual([400, 'SLOT_IN_PAST']);
    expect(await orderCount()).toBe(before);
  });

  it('prices a booking itself, ignoring a price the client sent, and holds a pay-at-order place for 15 minutes', async () => {
    const res = await order({ service: 'ac-cleaning', slot: monday9, quantity: 2, contact, price: 1, total: 1, lines: [] });

    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({
      service: 'ac-cleaning', room: 'r201', status: 'awaiting-payment', quantity: 2, total: 130_000, paid: 0, currency: 'NOK', paymentMode: 'at-order',
      lines: [{ kind: 'service', label: 'Air conditioner cleaning', quantity: 2, unitPrice: 65_000, amount: 130_000 }],
      holdUntil: '2026-12-04T09:15:00.000Z', slot: { start: monday9, end: '2026-12-07T09:30:00Z' },
    });
    expect(res.body.payment).toMatchObject({ order: res.body.order.id, amount: 130_000, currency: 'NOK' });
    const ticket = (await gw.call('GET', `/api/tickets/${res.body.ticket.id}`, { cookie: hanna })).body;
    expect(ticket).toMatchObject({ category: 'climate', team: 'maintenance', visitAt: monday9, status: 'new' });
    const tracked = await gw.call('GET', `/api/track/${res.body.trackToken}/order`);
    expect(tracked.body.id).toBe(res.body.order.id);
  });

  it.each([
    ['a negative quantity', { service: 'ac-cleaning', slot: monday9, quantity: -1, contact }, 400, 'INVALID'],
    ['a fractional quantity', { service: 'ac-cleaning', slot: monday9, quantity: 1.5, contact }, 400, 'INVALID'],
    ['a quantity for a once-per-visit service', { service: 'home-cleaning', slot: '2026-12-07T07:00:00Z', quantity: 2, contact }, 400, 'QUANTITY_NOT_ALLOWED'],
    ['a time that is not a slot', { service: 'ac-cleaning', slot: '2026-12-07T08:30:00Z', contact }, 400, 'NOT_A_SLOT'],
    ['a slot in the past', { service: 'ac-cleaning', slot: '2026-12-03T08:00:00Z', contact }, 400, 'SLOT_IN_PAST'],
    ['a slot whose booking has closed', { service: 'drain-unblocking', slot: '2026-12-04T11:00:00Z', contact }, 400, 'SLOT_IN_PAST'],
    ['a service not on the catalogue', { service: 'moon-landing', slot: monday9, contact }, 400, 'UNKNOWN_SERVICE'],
    ['no way to reach the occupant', { service: 'ac-cleaning', slot: monday9, contact: { name: 'Lena' } }, 400, 'INVALID'],
  ])('refuses %s and writes nothing', async (_what, body, status, code) => {
    const before = await orderCount();

    const res = await order(body);

    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(await orderCount()).toBe(before);
  });

  it('never overbooks: 200 simultaneous bookings into a slot of 3 give 3 orders and 197 answers 409', async () => {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => order({ service: 'ac-cleaning', slot: monday13, quantity: 1, contact: { name: `Caller ${i}`, email: `c${i}@example.org` } })));
    const ms = performance.now() - started;

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(197);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error === 'SLOT_FULL')).toBe(true);
    const slots = await gw.call('GET', `/api/services/ac-cleaning/slots?k=${qr.k}&from=${monday13}&to=2026-12-07T13:00:00Z`);
    expect(slots.body.slots[0]).toMatchObject({ booked: 3, free: 0 });
    console.log(`200 bookings into a slot of 3: ${ms.toFixed(0)} ms`);
  });

  it('gives up an unpaid booking\'s place when its 15 minutes are over, and cancels its job', async () => {
    const placed = (await order({ service: 'home-cleaning', slot: '2026-12-08T07:00:00Z', contact })).body;

    now = '2026-12-04T09:15:01.000Z';
    let expired;
    for (let i = 0; i < 100; i++) {
      expired = (await gw.call('GET', `/api/orders/${placed.order.id}`, { cookie: hanna })).body;
      if (expired.status !== 'awaiting-payment') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    now = friday;

    expect(expired).toMatchObject({ status: 'expired', holdUntil: null, closedAt: '2026-12-04T09:15:01.000Z' });
    expect((await gw.call('GET', `/api/tickets/${placed.ticket.id}`, { cookie: hanna })).body.status).toBe('cancelled');
  });

  it('takes a payment in full once: a wrong amount and a second payment are refused', async () => {
    const placed = (await order({ service: 'home-cleaning', slot: '2026-12-08T12:00:00Z', contact })).body;
    const settle = (amount: number) => gw.call('POST', `/api/orders/${placed.order.id}/settle`, { cookie: hanna, body: { kind: 'paid', amount, reference: 'sim-1' } });

    const wrong = await settle(1);
    const right = await settle(99_000);
    const again = await settle(99_000);

    expect(wrong.body.error).toBe('PAYMENT_MISMATCH');
    expect(right.body).toMatchObject({ status: 'confirmed', paid: 99_000, holdUntil: null });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('ORDER_ALREADY_PAID');
    const refund = await gw.call('POST', `/api/orders/${placed.order.id}/settle`, { cookie: hanna, body: { kind: 'refunded', amount: 100_000, reference: 'sim-r1' } });
    expect(refund.body.error).toBe('REFUND_TOO_LARGE');
  });

  it('lets the worker add custom items on the job, which the tenant sees, and bills the total when done', async () => {
    const placed = (await order({ service: 'carpet-cleaning', slot: '2026-12-07T09:00:00Z', quantity: 20, contact })).body;
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const ana = await gw.login('ana');
    const ben = await gw.login('ben');

    const notHers = await gw.call('POST', `/api/orders/${placed.order.id}/items`, { cookie: ben, body: { label: 'Stain treatment', unitPrice: 25_000 } });
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/start`, { cookie: ana });
    const added = await gw.call('POST', `/api/orders/${placed.order.id}/items`, { cookie: ana, body: { label: 'Stain treatment', quantity: 2, unitPrice: 25_000 } });
    const seen = (await gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    await gw.call('POST', `/api/tickets/${placed.ticket.id}/complete`, { cookie: ana });
    const done = (await gw.call('GET', `/api/orders/${placed.order.id}`, { cookie: hanna })).body;

    expect(notHers.status).toBe(403);
    expect(added.status).toBe(200);
    expect(seen).toMatchObject({ status: 'in-progress', total: 90_000 + 50_000 });
    expect(seen.lines[1]).toMatchObject({ kind: 'custom', label: 'Stain treatment', quantity: 2, unitPrice: 25_000, amount: 50_000, addedBy: 'user:ana' });
    expect(done).toMatchObject({ status: 'billed', total: 140_000, paid: 0, responsible: 'ana' });
    expect(done.finishedAt).toBe(friday);
  });

  it('lets the occupant cancel before the visit through the tracking link, with the job', async () => {
    const placed = (await order({ service: 'lock-change', slot: '2026-12-07T08:00:00Z', contact: { ...contact, company: 'Nordlys AS' } })).body;

    const res = await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Found the key' } });
    const again = await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Found the key' } });

    expect(placed.order).toMatchObject({ status: 'confirmed', paymentMode: 'company', total: 149_000 });
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Found the key' });
    expect(again.body.error).toBe('ORDER_STATE');
    expect((await gw.call('GET', `/api/tickets/${placed.ticket.id}`, { cookie: hanna })).body.status).toBe('cancelled');
  });

  it('pays a booking on the simulated provider\'s page, and refunds it when the occupant cancels', async () => {
    const placed = (await order({ service: 'home-cleaning', slot: '2026-12-09T07:00:00Z', contact })).body;
    const tradeNo = new URL(placed.payment.url).pathname.split('/').pop();

    const pay = await gw.call('POST', `/api/pay/${tradeNo}`);
    const paidOrder = (await gw.call('GET', `/api/track/${placed.trackToken}/order`)).body;
    const cancelled = await gw.call('POST', `/api/track/${placed.trackToken}/order/cancel`, { body: { reason: 'Plans changed' } });
    let after = cancelled.body;
    for (let i = 0; i < 50 && after.refunded === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = (await gw.call('GET', `/api/orders/${placed.order.id}`, { cookie: hanna })).body;
    }

    expect(placed.payment).toMatchObject({ amount: 99_000, currency: 'NOK' });
    expect(placed.payment.url).toMatch(/\/pay\//);
    expect(pay.status).toBe(200);
    expect(paidOrder).toMatchObject({ status: 'confirmed', paid: 99_000, holdUntil: null });
    expect(cancelled.body.status).toBe('cancelled');
    expect(after).toMatchObject({ status: 'cancelled', paid: 0, refunded: 99_000 });
  });

  it('keeps the records: a filtered list, a CSV export and the figures', async () => {
    const billed = await gw.call('GET', '/api/orders?status=billed', { cookie: hanna });
    const csv = await gw.call('GET', '/api/orders.csv?service=carpet-cleaning', { cookie: hanna });
    const figures = await gw.call('GET', '/api/orders/figures', { cookie: hanna });
    const staff = await gw.call('GET', '/api/orders', { cookie: await gw.login('ana') });

    expect(billed.body.orders.map((o: { service: string }) => o.service)).toEqual(['carpet-cleaning']);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, row] = (csv.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('number,order,ticket,room,service,content,visit,status');
    expect(row).toContain('Carpet cleaning × 20; Stain treatment × 2');
    expect(row).toContain(',1400.00,0.00,0.00,1400.00,');
    expect(figures.body).toMatchObject({ currency: 'NOK', revenue: 99_000, unpaid: 140_000 });
    expect(figures.body.byService.find((s: { service: string }) => s.service === 'ac-cleaning').orders).toBe(4);
    expect(staff.status).toBe(403);
  });
});
