import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
const targets = ['cleaning', 'maintenance'].flatMap((category) =>
  ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category, priority, responseMinutes: 60, resolutionMinutes: category === 'cleaning' ? 120 : 480 })));

describe('ticket lists and figures by service level', () => {
  const clock = { now: '2026-06-15T06:00:00.000Z' };
  let gw: TestGateway;
  const ids: Record<string, string> = {};
  const hanna = () => gw.login('hanna');
  const task = async (category: string, extra: Record<string, unknown> = {}) => {
    const res = await gw.call('POST', '/api/tickets', { cookie: await hanna(), body: { kind: 'task', category, room: 'r101', description: 'Planned check', ...extra } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const list = async (query: string) => {
    const res = await gw.call('GET', `/api/tickets?${query}`, { cookie: await hanna() });
    expect(res.status).toBe(200);
    return (res.body.tickets as { id: string; sla?: { breached: boolean; paused: boolean } }[]).filter((t) => Object.values(ids).includes(t.id));
  };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => clock.now, escalationTicks: false, scheduleTicks: false });
    const cookie = await hanna();
    expect((await gw.call('PUT', '/api/calendar', { cookie, body: { timeZone: 'Europe/Oslo', hours } })).status).toBe(200);
    expect((await gw.call('PUT', '/api/sla/targets', { cookie, body: { targets } })).status).toBe(200);
    const vendor = await gw.call('POST', '/api/vendors', { cookie, body: { name: 'Nordlift AS', trade: 'lifts', email: 'service@nordlift.example', contacts: [{ name: 'Kari Nord', email: 'kari@nordlift.example' }] } });
    expect(vendor.status).toBe(201);

    // Monday 08:00 Oslo. Early: answer by 09:00, resolve by 10:00. Late: opened 09:30, answer by 10:30, resolve by 11:30.
    ids.early = await task('cleaning');
    ids.waiting = await task('maintenance', { assignee: 'dirk' });
    ids.vendor = await task('maintenance');
    expect((await gw.call('POST', `/api/tickets/${ids.vendor}/work-orders`, { cookie, body: { vendor: vendor.body.id, instructions: 'Lift 2' } })).status).toBe(201);
    clock.now = '2026-06-15T06:10:00.000Z';
    expect((await gw.call('POST', `/api/tickets/${ids.waiting}/waiting`, { cookie: await hanna(), body: { waiting: 'tenant' } })).status).toBe(200);
    clock.now = '2026-06-15T07:30:00.000Z';
    ids.late = await task('cleaning');
  });
  afterAll(async () => { await gw?.stop(); });

  it('lists the breached, the due soon and the paused, each with its clocks', async () => {
    clock.now = '2026-06-15T07:45:00.000Z';

    const breached = await list('sla=breached');
    const soon = await list('sla=due-soon');
    const paused = await list('sla=paused');

    // 09:45 Oslo: the early one's and the vendor's answers were due at 09:00; the late one's answer is due 10:30.
    expect(breached.map((t) => t.id).sort()).toEqual([ids.early, ids.vendor].sort());
    expect(breached.every((t) => t.sla?.breached)).toBe(true);
    expect(soon.map((t) => t.id)).toEqual([ids.late]);
    expect(paused.map((t) => t.id)).toEqual([ids.waiting]);
    expect(paused[0]!.sla?.paused).toBe(true);
  });

  it('sorts by the response or the resolution due time, soonest first, those without one last', async () => {
    const byResponse = await list('sort=response-due');
    const byResolution = await list('sort=resolution-due');

    // The waiting ticket was answered (assigned) and is paused: it has no running clock.
    expect(byResponse.map((t) => t.id)).toEqual([ids.early, ids.vendor, ids.late, ids.waiting]);
    // Resolution: early 10:00, late 11:30, vendor 16:00 Oslo.
    expect(byResolution.map((t) => t.id)).toEqual([ids.early, ids.late, ids.vendor, ids.waiting]);
  });

  it('refuses an SLA filter or sort it does not know', async () => {
    const filter = await gw.call('GET', '/api/tickets?sla=late', { cookie: await hanna() });
    const sort = await gw.call('GET', '/api/tickets?sort=priority', { cookie: await hanna() });

    expect([filter.status, filter.body.error]).toEqual([400, 'INVALID']);
    expect([sort.status, sort.body.error]).toEqual([400, 'INVALID']);
  });

  it('counts breaches on the figures by category, team and vendor', async () => {
    clock.now = '2026-06-15T12:00:00.000Z';

    const res = await gw.call('GET', '/api/kpis?from=2026-06-15&to=2026-06-15', { cookie: await hanna() });

    expect(res.status).toBe(200);
    const { breaches } = res.body;
    // 14:00 Oslo: both cleaning tickets breached both targets; the vendor's breached its answer; the waiting one nothing.
    expect(breaches).toMatchObject({ counted: 4, breached: 3, response: 3, resolution: 2, percent: 75 });
    expect(breaches.byCategory).toEqual([
      { category: 'cleaning', counted: 2, breached: 2, response: 2, resolution: 2, percent: 100 },
      { category: 'maintenance', counted: 2, breached: 1, response: 1, resolution: 0, percent: 50 },
    ]);
    expect(breaches.byTeam.map((t: { team: string; breached: number }) => [t.team, t.breached])).toEqual([['cleaning', 2], ['maintenance', 1]]);
    expect(breaches.byVendor).toEqual([expect.objectContaining({ counted: 1, breached: 1, response: 1, resolution: 0 })]);
  });
});
