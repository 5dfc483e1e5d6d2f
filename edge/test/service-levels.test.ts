import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));

describe('service levels on tickets', () => {
  let gw: TestGateway;
  let now = '2026-06-12T06:00:00.000Z';
  // Sessions end by the gateway's clock, which these tests move by days: sign in afresh each time.
  const me = () => gw.login('hanna');

  const report = async (room: string, category: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: `${category} problem in ${room}` } });
    expect(res.status).toBe(201);
    return res.body.ticket.id as string;
  };
  const sla = async (id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: await me() })).body.sla;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    const hanna = await me();
    expect((await gw.call('PUT', '/api/calendar', { cookie: hanna, body: { timeZone: 'Europe/Oslo', hours } })).status).toBe(200);
    const targets = ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category: 'cleaning', priority, responseMinutes: 60, resolutionMinutes: 480 }));
    expect((await gw.call('PUT', '/api/sla/targets', { cookie: hanna, body: { targets } })).status).toBe(200);
  });
  afterAll(async () => { await gw?.stop(); });

  it('gives a new ticket its response and resolution due times in working hours', async () => {
    // Friday 08:00 Oslo: one working hour to answer, eight to resolve (until Friday 16:00).
    const id = await report('r101', 'cleaning');

    const clocks = await sla(id);

    expect(clocks).toMatchObject({ responseDueAt: '2026-06-12T07:00:00.000Z', resolutionDueAt: '2026-06-12T14:00:00.000Z', pausedMs: 0, paused: false, breached: false });
  });

  it('pauses while the ticket waits for the tenant, over the weekend, and moves the due time by the working time paused', async () => {
    now = '2026-06-12T06:00:00.000Z';
    const id = await report('r102', 'cleaning');
    now = '2026-06-12T12:00:00.000Z';
    const waiting = await gw.call('POST', `/api/tickets/${id}/waiting`, { cookie: await me(), body: { waiting: 'tenant' } });
    expect(waiting.status).toBe(200);
    expect(waiting.body.ticket.sla.paused).toBe(true);

    now = '2026-06-15T08:00:00.000Z';
    expect((await gw.call('POST', `/api/tickets/${id}/waiting`, { cookie: await me(), body: { waiting: null } })).status).toBe(200);
    const clocks = await sla(id);

    // Paused Friday 14:00–16:00 and Monday 08:00–10:00 Oslo: four working hours; six were worked, so the last two run Monday 10:00–12:00.
    expect(clocks.pausedMs).toBe(4 * 3_600_000);
    expect(clocks.resolutionDueAt).toBe('2026-06-15T10:00:00.000Z');
    expect(clocks.response).toMatchObject({ breached: true, breachedAt: '2026-06-12T07:00:00.000Z' });
  });

  it('reads a ticket past its due time as breached, with when', async () => {
    now = '2026-06-16T06:00:00.000Z';
    const id = await report('r103', 'cleaning');
    now = '2026-06-17T08:00:00.000Z';

    const clocks = await sla(id);

    expect(clocks.resolution).toMatchObject({ breached: true, breachedAt: '2026-06-16T14:00:00.000Z', leftMs: -2 * 3_600_000 });
  });

  it('refuses targets for a category that does not exist, and twice for one priority', async () => {
    const unknown = await gw.call('PUT', '/api/sla/targets', { cookie: await me(), body: { targets: [{ category: 'nope', priority: 'low', responseMinutes: 5, resolutionMinutes: 10 }] } });
    const twice = await gw.call('PUT', '/api/sla/targets', { cookie: await me(), body: { targets: [1, 2].map(() => ({ category: 'cleaning', priority: 'low', responseMinutes: 5, resolutionMinutes: 10 })) } });

    expect([unknown.status, unknown.body.error]).toEqual([400, 'UNKNOWN_CATEGORY']);
    expect([twice.status, twice.body.error]).toEqual([400, 'DUPLICATE_SLA_TARGET']);
  });
});
