import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

// Friday 4 December 2026, 10:00 in Oslo; the visits are on the following days.
const friday = '2026-12-04T09:00:00.000Z';
const contact = { name: 'Lena Brandt', phone: '+47 22 33 44 55' };

describe('paid before dispatch, and company orders charged at order', () => {
  let gw: TestGateway;
  let hanna: string;
  let ana: string;
  let qr: { room: string; k: string };

  const order = (body: unknown) => gw.call('POST', `/api/rooms/${qr.room}/orders?k=${qr.k}`, { body });
  const ticket = async (id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: hanna })).body;
  const settle = async (id: string, done: (t: { assignee: string | null }) => boolean) => {
    let t = await ticket(id);
    for (let i = 0; i < 100 && !done(t); i++) {
      await new Promise((r) => setTimeout(r, 20));
      t = await ticket(id);
    }
    return t;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => friday });
    hanna = await gw.login('hanna');
    ana = await gw.login('ana');
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi);
    qr = { room: 'r201', k: url.searchParams.get('k')! };
  });
  afterAll(async () => { await gw?.stop(); });

  it('refuses to assign, claim or start a pay-at-order job until it is paid (409 ORDER_NOT_PAID), then lets it go out', async () => {
    const placed = (await order({ service: 'home-cleaning', slot: '2026-12-07T07:00:00Z', contact })).body;
    const id = placed.ticket.id as string;

    const assign = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const claim = await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: ana });
    const queue = (await gw.call('GET', '/api/queue', { cookie: ana })).body;
    const tradeNo = new URL(placed.payment.url).pathname.split('/').pop();
    const pay = await gw.call('POST', `/api/pay/${tradeNo}`);
    const queueAfter = (await gw.call('GET', '/api/queue', { cookie: ana })).body;
    const claimAfter = await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: ana });

    expect(placed.order.status).toBe('awaiting-payment');
    expect(assign.status).toBe(409);
    expect(assign.body).toMatchObject({ error: 'ORDER_NOT_PAID', details: { ticket: id } });
    expect(claim.status).toBe(409);
    expect(claim.body.error).toBe('ORDER_NOT_PAID');
    const offered = (q: { pool: { ticket: { id: string }; actions: string[] }[] }) => q.pool.find((i) => i.ticket.id === id)?.actions ?? [];
    expect(offered(queue)).not.toContain('claim');
    expect(pay.status).toBe(200);
    expect(offered(queueAfter)).toContain('claim');
    expect(claimAfter.status).toBe(200);
    expect(claimAfter.body.ticket).toMatchObject({ status: 'assigned', assignee: 'ana' });
  });

  it('leaves an unpaid job of an auto-dispatch category in the pool, and dispatches it once paid', async () => {
    await gw.call('POST', '/api/categories/cleaning/auto-dispatch', { cookie: hanna, body: { autoDispatch: true } });
    const placed = (await order({ service: 'home-cleaning', slot: '2026-12-08T07:00:00Z', contact })).body;
    const id = placed.ticket.id as string;
    await new Promise((r) => setTimeout(r, 200));
    const waiting = await ticket(id);

    const tradeNo = new URL(placed.payment.url).pathname.split('/').pop();
    await gw.call('POST', `/api/pay/${tradeNo}`);
    const dispatched = await settle(id, (t) => t.assignee !== null);

    expect(waiting).toMatchObject({ status: 'new', assignee: null });
    expect(dispatched.status).toBe('assigned');
    expect(['ana', 'ben', 'sofia']).toContain(dispatched.assignee);
    await gw.call('POST', '/api/categories/cleaning/auto-dispatch', { cookie: hanna, body: { autoDispatch: false } });
  });

  it('lets a job paid after service go out at once', async () => {
    const placed = (await order({ service: 'carpet-cleaning', slot: '2026-12-07T09:00:00Z', quantity: 12, contact })).body;

    const assign = await gw.call('POST', `/api/tickets/${placed.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });

    expect(placed.order.status).toBe('confirmed');
    expect(assign.status).toBe(200);
  });

  it('charges a company order to the company account at order, and lists it on the monthly statement', async () => {
    const placed = await order({ service: 'lock-change', slot: '2026-12-07T14:00:00Z', contact: { ...contact, company: 'Fjordkraft Eiendom AS' } });
    const payments = (await gw.call('GET', `/api/payments?order=${placed.body.order.id}`, { cookie: hanna })).body.payments;
    const stored = (await gw.call('GET', `/api/orders/${placed.body.order.id}`, { cookie: hanna })).body;
    const statement = await gw.call('GET', `/api/payments/statement?month=2026-12&company=${encodeURIComponent('Fjordkraft Eiendom AS')}`, { cookie: hanna });
    const assign = await gw.call('POST', `/api/tickets/${placed.body.ticket.id}/assign`, { cookie: hanna, body: { assignee: 'dirk' } });

    expect(placed.status).toBe(201);
    expect(placed.body.order).toMatchObject({ status: 'confirmed', paymentMode: 'company', total: 149_000, paid: 149_000 });
    expect(placed.body.payment).toBeNull();
    expect(stored).toMatchObject({ paid: 149_000, status: 'confirmed' });
    expect(payments).toEqual([expect.objectContaining({ provider: 'company', status: 'paid', amount: 149_000, received: 149_000, company: 'Fjordkraft Eiendom AS' })]);
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ company: 'Fjordkraft Eiendom AS', month: '2026-12', total: 149_000 });
    expect(statement.body.lines).toEqual([expect.objectContaining({ order: placed.body.order.id, amount: 149_000 })]);
    expect(assign.status).toBe(200);
  });

  it('refuses a company order that names no company (400 COMPANY_REQUIRED), booking nothing', async () => {
    const before = (await gw.call('GET', '/api/orders?service=lock-change', { cookie: hanna })).body.orders.length;

    const res = await order({ service: 'lock-change', slot: '2026-12-08T08:00:00Z', contact });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('COMPANY_REQUIRED');
    expect((await gw.call('GET', '/api/orders?service=lock-change', { cookie: hanna })).body.orders.length).toBe(before);
  });
});
