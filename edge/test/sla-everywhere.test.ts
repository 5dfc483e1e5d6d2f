import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
const targets = ['cleaning', 'maintenance'].flatMap((category) =>
  ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category, priority, responseMinutes: 60, resolutionMinutes: 240 })));

interface Frame { kind: string; type?: string; entity?: string; state?: any }

describe('service-level clocks where staff look', () => {
  const clock = { now: '2026-06-15T06:00:00.000Z' }; // Monday 08:00 in Oslo
  const said: string[] = [];
  let gw: TestGateway;
  const hanna = () => gw.login('hanna');
  const open = async (category: string) => {
    const res = await gw.call('POST', '/api/tickets', { cookie: await hanna(), body: { kind: 'task', category, room: 'r101', description: 'Planned check' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const sla = async (id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: await hanna() })).body.sla;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => clock.now, escalationTicks: false, scheduleTicks: false, say: (line) => said.push(line) });
    const cookie = await hanna();
    expect((await gw.call('PUT', '/api/calendar', { cookie, body: { timeZone: 'Europe/Oslo', hours } })).status).toBe(200);
    expect((await gw.call('PUT', '/api/sla/targets', { cookie, body: { targets } })).status).toBe(200);
  });
  afterAll(async () => { await gw?.stop(); });

  it('gives every open ticket kept before clocks were its clocks once at start, worked out from its history', async () => {
    const waited = await open('maintenance');
    const plain = await open('cleaning');
    const closed = await open('cleaning');
    clock.now = '2026-06-15T06:30:00.000Z';
    expect((await gw.call('POST', `/api/tickets/${waited}/waiting`, { cookie: await hanna(), body: { waiting: 'tenant' } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${closed}/cancel`, { cookie: await hanna(), body: { reason: 'Not needed' } })).status).toBe(200);
    clock.now = '2026-06-15T09:00:00.000Z'; // 11:00 in Oslo
    const kept = { waited: await sla(waited), plain: await sla(plain) };
    // As if these tickets were kept before the clocks: no rows, and nothing watched.
    const forget = gw.store.db.prepare('UPDATE ticket_rows SET sla = NULL, sla_due_at = NULL, sla_paused = NULL, sla_breached = NULL, sla_watch_ms = NULL WHERE id = ?');
    for (const id of [waited, plain, closed]) forget.run(id);
    const without = await sla(plain);

    await gw.close();
    gw = { ...gw, ...(await startTestGateway({ dataDir: gw.dir, clock: () => clock.now, escalationTicks: false, scheduleTicks: false, say: (line) => said.push(line) })) } as TestGateway;
    const after = { waited: await sla(waited), plain: await sla(plain) };
    const closedRow = gw.store.db.prepare('SELECT COUNT(*) AS n FROM ticket_sla WHERE ticket = ?').get(closed) as { n: number };
    const watched = gw.store.db.prepare('SELECT COUNT(*) AS n FROM ticket_rows WHERE id = ? AND sla_watch_ms IS NOT NULL').get(plain) as { n: number };
    await gw.close();
    gw = { ...gw, ...(await startTestGateway({ dataDir: gw.dir, clock: () => clock.now, escalationTicks: false, scheduleTicks: false, say: (line) => said.push(line) })) } as TestGateway;

    expect(without).toBeUndefined();
    expect(after).toEqual(kept);
    expect(after.waited).toMatchObject({ paused: true, breached: false, pausedMs: 2.5 * 3_600_000 });
    expect(after.plain).toMatchObject({ breached: true, response: { breachedAt: '2026-06-15T07:00:00.000Z' }, resolutionDueAt: '2026-06-15T10:00:00.000Z' });
    expect(closedRow.n).toBe(0);
    expect(watched.n).toBeGreaterThan(0);
    expect(said.filter((line) => /clocks started from their history for 2 open ticket/.test(line))).toHaveLength(1);
  });

  it('carries the clocks on every row of the ticket list', async () => {
    const res = await gw.call('GET', '/api/tickets?status=new', { cookie: await hanna() });
    const rows = res.body.tickets as { id: string; sla?: { responseDueAt: string | null; resolutionDueAt: string | null; paused: boolean; breached: boolean } }[];

    expect(res.status).toBe(200);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((t) => t.sla && 'responseDueAt' in t.sla && 'resolutionDueAt' in t.sla && typeof t.sla.paused === 'boolean' && typeof t.sla.breached === 'boolean')).toBe(true);
  });

  it('sends a ticket\'s change on the live feed with its clocks as they stand after it', async () => {
    clock.now = '2026-06-16T06:30:00.000Z';
    const cookie = await hanna();
    const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws`, { headers: { cookie } });
    const frames: Frame[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await once(socket, 'open');
    const id = await open('cleaning');
    expect((await gw.call('POST', `/api/tickets/${id}/waiting`, { cookie, body: { waiting: 'vendor' } })).status).toBe(200);
    for (let i = 0; i < 100 && frames.filter((f) => f.entity === `ticket:${id}`).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    socket.close();
    const [opened, waiting] = frames.filter((f) => f.entity === `ticket:${id}`);

    expect(opened?.state.sla).toMatchObject({ responseDueAt: '2026-06-16T07:30:00.000Z', resolutionDueAt: '2026-06-16T10:30:00.000Z', paused: false, breached: false });
    expect(waiting?.state.sla).toMatchObject({ responseDueAt: null, paused: true, breached: false });
  });
});
