import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('a rejected work order follows its category rejection policy', () => {
  let gw: TestGateway;
  let hanna: string;
  let vendor: string;

  /** A report in the room and category, sent to the vendor, accepted, started and reported done through the vendor's link. */
  async function doneOrder(room: string, category: string) {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const ticket = (await gw.call('POST', url.pathname + url.search, { body: { category, description: `${category} job in ${room}` } })).body.ticket.id as string;
    const sent = (await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor } })).body;
    const token = new URL(sent.links[0].url).pathname.split('/').pop()!;
    for (const [action, body] of [['accept', {}], ['start', {}], ['done', { notes: 'Fixed', minutes: 30 }]] as const) {
      expect((await gw.call('POST', `/api/wo/${token}/${action}`, { body })).status).toBe(200);
    }
    return { ticket, order: sent.workOrder.id as string };
  }
  const notified = (ticket: string) => gw.store.log.after(0, 100_000)
    .filter((e) => e.type === 'team-notified' && (e.state as { ticket: string }).ticket === ticket)
    .map((e) => e.state as { team: string; kind: string });

  beforeAll(async () => {
    gw = await startTestGateway();
    hanna = await gw.login('hanna');
    vendor = (await gw.call('POST', '/api/vendors', { cookie: hanna, body: {
      name: 'Låsesmed Vik', trade: 'locks', email: 'post@vik.example', contacts: [{ name: 'Per Vik', email: 'per@vik.example' }],
    } })).body.id;
  });
  afterAll(async () => { await gw?.stop(); });

  it('escalates, opens an urgent follow-up, closes the room and tells the teams when maintenance says so', async () => {
    const { ticket, order } = await doneOrder('r201', 'maintenance');

    const rejected = await gw.call('POST', `/api/work-orders/${order}/reject`, { cookie: hanna, body: { reason: 'Safety hazard remains' } });

    expect(rejected.status).toBe(200);
    const triggered = rejected.body.rejections.at(-1).triggered;
    expect(rejected.body).toMatchObject({ status: 'in_progress', responsible: 'marco' });
    expect(triggered).toMatchObject({ route: 'escalate', escalatedTo: 'marco', roomStatus: 'do_not_use', notified: ['facility', 'security'] });
    const followUp = (await gw.call('GET', `/api/tickets/${triggered.followUp}`, { cookie: hanna })).body;
    expect(followUp).toMatchObject({ kind: 'task', priority: 'urgent', parent: ticket, room: 'r201' });
    expect((await gw.call('GET', '/api/rooms/r201', { cookie: hanna })).body).toMatchObject({ status: 'do_not_use', ticket });
    expect(notified(ticket)).toEqual([{ team: 'facility', kind: 'escalation' }, { team: 'security', kind: 'escalation' }].map((n) => expect.objectContaining(n)));
  });

  it('only returns the work to the vendor where the policy asks for nothing more', async () => {
    const { ticket, order } = await doneOrder('r202', 'supplies');
    const roomBefore = (await gw.call('GET', '/api/rooms/r202', { cookie: hanna })).body.status;

    const rejected = await gw.call('POST', `/api/work-orders/${order}/reject`, { cookie: hanna, body: { reason: 'Wrong item' } });

    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'in_progress', responsible: 'hanna' });
    expect(rejected.body.rejections.at(-1).triggered).toEqual({ route: 'return', escalatedTo: null, followUp: null, roomStatus: null, notified: [] });
    expect((await gw.call('GET', '/api/rooms/r202', { cookie: hanna })).body.status).toBe(roomBefore);
    expect(notified(ticket)).toEqual([]);
  });
});
