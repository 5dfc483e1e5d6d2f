import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
const targets = ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category: 'cleaning', priority, responseMinutes: 60, resolutionMinutes: 120 }));

/** A gateway on a clock the test moves, with no ticks of its own: the test calls them. */
async function gatewayAt(clock: { now: string }, dataDir?: string) {
  return startTestGateway({ clock: () => clock.now, escalationTicks: false, scheduleTicks: false, ...(dataDir ? { dataDir } : {}) });
}

async function setUp(gw: TestGateway) {
  const hanna = await gw.login('hanna');
  expect((await gw.call('PUT', '/api/calendar', { cookie: hanna, body: { timeZone: 'Europe/Oslo', hours } })).status).toBe(200);
  expect((await gw.call('PUT', '/api/sla/targets', { cookie: hanna, body: { targets } })).status).toBe(200);
}

async function task(gw: TestGateway, body: Record<string, unknown>) {
  const res = await gw.call('POST', '/api/tickets', { cookie: await gw.login('hanna'), body: { kind: 'task', category: 'cleaning', room: 'r101', description: 'Wipe the tables', ...body } });
  expect(res.status).toBe(201);
  return (res.body.ticket ?? res.body).id as string;
}

async function escalationsOf(gw: TestGateway, ticket: string) {
  const res = await gw.call('GET', '/api/sla/escalations?from=2026-01-01T00:00:00Z&limit=500', { cookie: await gw.login('hanna') });
  expect(res.status).toBe(200);
  return (res.body.escalations as { ticket: string; breach: string; urgent: boolean; notified: string[]; at: string; breachedAt: string }[]).filter((e) => e.ticket === ticket);
}

const loggedEscalations = (gw: TestGateway, ticket: string) =>
  (gw.store.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'sla-breach-escalated' AND entity = ?").get(`ticket:${ticket}`) as { n: number }).n;

describe('escalation of breached service levels', () => {
  const clock = { now: '2026-06-15T06:00:00.000Z' };
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await gatewayAt(clock);
    await setUp(gw);
  });
  afterAll(async () => { await gw?.stop(); });

  it('tells the holder and the supervisor, raises the priority and hands the ticket to the supervisor, once', async () => {
    const hanna = await gw.login('hanna');
    const set = await gw.call('PUT', '/api/categories/cleaning/escalation', { cookie: hanna, body: { notify: true, raisePriority: true, reassign: true } });
    expect(set.status).toBe(200);
    // Monday 08:00 Oslo, given to Ana: two working hours to resolve, until 10:00 Oslo.
    clock.now = '2026-06-15T06:00:00.000Z';
    const id = await task(gw, { assignee: 'ana' });
    clock.now = '2026-06-15T07:59:00.000Z';
    await gw.escalations.tick();
    expect(await escalationsOf(gw, id)).toEqual([]);

    clock.now = '2026-06-15T08:30:00.000Z';
    await gw.escalations.tick();
    await gw.escalations.tick();

    const ticket = (await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login('hanna') })).body;
    expect(ticket).toMatchObject({ priority: 'high', assignee: 'sofia', status: 'escalated' });
    expect(ticket.sla.resolution).toMatchObject({ breached: true, breachedAt: '2026-06-15T08:00:00.000Z' });
    expect(await escalationsOf(gw, id)).toEqual([
      expect.objectContaining({ breach: 'resolution', breachedAt: '2026-06-15T08:00:00.000Z', at: '2026-06-15T08:30:00.000Z', notified: ['ana', 'sofia'], urgent: false }),
    ]);
    expect(loggedEscalations(gw, id)).toBe(1);
    await gw.call('PUT', '/api/categories/cleaning/escalation', { cookie: await gw.login('hanna'), body: { notify: true, raisePriority: false, reassign: false } });
  });

  it('escalates an urgent ticket outside working hours at once, and keeps the others for the next working moment', async () => {
    // Friday 15:00 Oslo: both have an hour to answer, which runs out at 16:00, the end of the working day.
    clock.now = '2026-06-19T13:00:00.000Z';
    const urgent = await task(gw, { priority: 'urgent' });
    const normal = await task(gw, { priority: 'normal' });

    clock.now = '2026-06-20T10:00:00.000Z';
    await gw.escalations.tick();
    expect(await escalationsOf(gw, urgent)).toEqual([expect.objectContaining({ breach: 'response', breachedAt: '2026-06-19T14:00:00.000Z', at: '2026-06-20T10:00:00.000Z', urgent: true })]);
    expect(await escalationsOf(gw, normal)).toEqual([]);

    clock.now = '2026-06-22T05:59:00.000Z';
    await gw.escalations.tick();
    expect(await escalationsOf(gw, normal)).toEqual([]);

    clock.now = '2026-06-22T06:00:00.000Z';
    await gw.escalations.tick();
    expect(await escalationsOf(gw, normal)).toEqual([expect.objectContaining({ breach: 'response', at: '2026-06-22T06:00:00.000Z', urgent: false })]);
  });

  it('escalates every breach once when the clock jumps forward a week', async () => {
    clock.now = '2026-06-23T07:00:00.000Z';
    const ids = [await task(gw, {}), await task(gw, {}), await task(gw, { assignee: 'ben' })];

    clock.now = '2026-06-30T07:00:00.000Z';
    await Promise.all([gw.escalations.tick(), gw.escalations.tick()]);
    await gw.escalations.tick();

    const breaches = await Promise.all(ids.map(async (id) => (await escalationsOf(gw, id)).map((e) => e.breach).sort()));
    expect(breaches).toEqual([['resolution', 'response'], ['resolution', 'response'], ['resolution']]);
    expect(ids.map((id) => loggedEscalations(gw, id))).toEqual([2, 2, 1]);
  });

  it('escalates a ticket\'s other clock when it runs out later, watching the ticket until then', async () => {
    clock.now = '2026-07-06T06:00:00.000Z'; // Monday 08:00 Oslo
    const id = await task(gw, {});
    const watchedAt = () => (gw.store.db.prepare('SELECT sla_watch_ms AS ms FROM ticket_rows WHERE id = ?').get(id) as { ms: number | null }).ms;

    clock.now = '2026-07-06T07:30:00.000Z'; // the answer was due at 09:00 Oslo
    await gw.escalations.tick();
    const afterResponse = { escalated: (await escalationsOf(gw, id)).map((e) => e.breach), watchedAt: watchedAt() };
    clock.now = '2026-07-06T08:30:00.000Z'; // the work was due at 10:00 Oslo
    await gw.escalations.tick();
    await gw.escalations.tick();

    expect(afterResponse).toEqual({ escalated: ['response'], watchedAt: Date.parse('2026-07-06T08:00:00.000Z') });
    expect((await escalationsOf(gw, id)).map((e) => [e.breach, e.at]).sort()).toEqual([
      ['resolution', '2026-07-06T08:30:00.000Z'], ['response', '2026-07-06T07:30:00.000Z']]);
    expect(loggedEscalations(gw, id)).toBe(2);
    expect(watchedAt()).toBeNull();
  });

  it('escalates nothing for a ticket finished before its clock ran out', async () => {
    clock.now = '2026-07-01T06:00:00.000Z';
    const id = await task(gw, { assignee: 'ana' });
    const ana = await gw.login('ana');
    expect((await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana })).status).toBe(200);

    clock.now = '2026-07-02T06:00:00.000Z';
    await gw.escalations.tick();

    expect(await escalationsOf(gw, id)).toEqual([]);
  });

  it('refuses escalation settings from staff and for a category that does not exist', async () => {
    const staff = await gw.call('PUT', '/api/categories/cleaning/escalation', { cookie: await gw.login('ana'), body: { notify: true, raisePriority: true, reassign: false } });
    const unknown = await gw.call('PUT', '/api/categories/nope/escalation', { cookie: await gw.login('hanna'), body: { notify: true, raisePriority: true, reassign: false } });
    const bad = await gw.call('PUT', '/api/categories/cleaning/escalation', { cookie: await gw.login('hanna'), body: { notify: 'yes' } });

    expect(staff.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect([bad.status, bad.body.error]).toEqual([400, 'INVALID']);
  });
});

describe('escalation across gateway restarts', () => {
  const clock = { now: '2026-06-15T06:00:00.000Z' };
  const dir = mkdtempSync(join(tmpdir(), 'doorside-escalation-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escalates a breach that fell due while the gateway was off, once, however often it restarts', async () => {
    const first = await gatewayAt(clock, dir);
    await setUp(first);
    const id = await task(first, {});
    await first.close();

    // The answer was due at 09:00 Oslo; the gateway comes back at 09:30 and again at 09:40.
    clock.now = '2026-06-15T07:30:00.000Z';
    const second = await gatewayAt(clock, dir);
    await second.escalations.tick();
    await second.close();
    clock.now = '2026-06-15T07:40:00.000Z';
    const third = await gatewayAt(clock, dir);
    await third.escalations.tick();

    expect(await escalationsOf(third, id)).toEqual([expect.objectContaining({ breach: 'response', at: '2026-06-15T07:30:00.000Z', breachedAt: '2026-06-15T07:00:00.000Z' })]);
    expect(loggedEscalations(third, id)).toBe(1);
    await third.close();
  });
});
