import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, Rejection, Ticket, TicketStatus } from '../src/contracts/index.ts';
import { ticketFacts } from '../src/kpis/kpi-facts.sqlite.ts';
import { kpiReport } from '../src/kpis/kpi-report.ts';
import { kpiWindow } from '../src/kpis/kpi-window.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { aRoom, aTicket } from '../src/test-support/domain-fixtures.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const NOW = '2026-11-20T12:00:00.000Z';
const at = (day: number, hours: number, month = 11) => new Date(Date.UTC(2026, month - 1, day) + hours * 3_600_000).toISOString();

/** A ticket whose history passes through these statuses at these times. */
function ticket(id: number, category: string, team: string, created: string, due: string, steps: [TicketStatus, string][], rejected: string[] = []): Ticket {
  const history: HistoryEntry[] = steps.map(([status, when]) => ({ at: when, actor: 'user:sue', action: status, status, assignee: 'ana' }));
  const rejections: Rejection[] = rejected.map((when, i) => ({
    id: `R-${id}-${i + 1}`, at: when, room: 'r101', by: 'panel:r101', reason: 'Not clean', notes: null, photos: [],
    originalAssignee: 'ana', response: 'redone', route: 'returned', escalatedTo: null, followUp: null, roomStatus: null, notified: [],
  }));
  const status = steps.at(-1)?.[0] ?? 'new';
  return aTicket(status, { id: `T-${id}`, category, team, createdAt: created, dueAt: due, updatedAt: steps.at(-1)?.[1] ?? created, history, rejections });
}

describe('the facility figures over a site database', () => {
  let dir: string;
  let store: SiteStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'doorside-kpis-'));
    store = new SiteStore(openDatabase(join(dir, 'site.sqlite')), 'demo');
    store.rooms.insert(aRoom({ id: 'r101' }), 'qr-code-of-room-r101');
    const tickets = [
      // Approved 90 minutes after the report, within its SLA; rated 5.
      ticket(1, 'cleaning', 'cleaning', at(2, 9), at(2, 11), [['assigned', at(2, 9)], ['done', at(2, 10)], ['verified', at(2, 10.5)]]),
      // Rejected once, redone, approved after 4 hours: past its due time; rated 2.
      ticket(2, 'cleaning', 'cleaning', at(3, 9), at(3, 11), [['done', at(3, 10)], ['rejected', at(3, 10.5)], ['done', at(3, 12)], ['verified', at(3, 13)]], [at(3, 10.5)]),
      // Rejected and escalated, still open long after its due time.
      ticket(3, 'climate', 'maintenance', at(5, 8), at(5, 16), [['done', at(5, 9)], ['escalated', at(5, 10)]], [at(5, 10)]),
      // Open, not yet due.
      ticket(4, 'av', 'av', at(10, 10), at(30, 10), []),
      // Cancelled: counts as reported, not for the SLA.
      ticket(5, 'av', 'av', at(11, 8), at(11, 10), [['cancelled', at(11, 12)]]),
      // Reported in October: outside the window, its rating of 1 too.
      ticket(6, 'cleaning', 'cleaning', at(15, 9, 10), at(15, 11, 10), [['done', at(15, 10, 10)], ['verified', at(15, 10, 10)]]),
      // Approved after 3 hours, within its SLA; rated 4.
      ticket(7, 'av', 'av', at(12, 9), at(12, 13), [['done', at(12, 11)], ['verified', at(12, 12)]]),
      // Approved after 2 hours, within its SLA.
      ticket(8, 'maintenance', 'maintenance', at(6, 8), at(6, 16), [['done', at(6, 9)], ['verified', at(6, 10)]]),
    ];
    for (const t of tickets) store.tickets.put(t);
    const rate = store.db.prepare('INSERT INTO track_tokens (token_hash, ticket, rating) VALUES (?, ?, ?)');
    for (const [id, stars] of [['T-1', 5], ['T-2', 2], ['T-6', 1], ['T-7', 4], ['T-4', null]] as const) rate.run(`hash-${id}`, id, stars);
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const november = () => {
    const window = kpiWindow({ from: '2026-11-01', to: '2026-11-30' }, NOW);
    return kpiReport(ticketFacts(store.db, window), store.tickets.countByStatus(), window, NOW);
  };

  it('covers the whole of November and counts the tickets reported in it', () => {
    const report = november();

    expect(report).toMatchObject({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', reported: 7 });
  });

  it('counts every open ticket by status, wherever it was reported', () => {
    const report = november();

    expect(report.openByStatus).toEqual({ new: 1, assigned: 0, in_progress: 0, done: 0, rejected: 0, escalated: 1 });
  });

  it('averages the time from report to approval over the approved tickets', () => {
    const report = november();

    expect(report.resolution).toEqual({ resolved: 4, meanMinutes: (90 + 240 + 180 + 120) / 4 });
  });

  it('counts SLA breaches among tickets that were not cancelled', () => {
    const report = november();

    expect(report.sla).toEqual({ counted: 6, breached: 2, percent: 33.3 });
  });

  it('gives the rejection rate over finished services by category and by team', () => {
    const report = november();

    expect(report.rejections.byCategory).toEqual([
      { category: 'av', completed: 1, rejected: 0, percent: 0 },
      { category: 'cleaning', completed: 3, rejected: 1, percent: 33.3 },
      { category: 'climate', completed: 1, rejected: 1, percent: 100 },
      { category: 'maintenance', completed: 1, rejected: 0, percent: 0 },
    ]);
    expect(report.rejections.byTeam).toEqual([
      { team: 'av', completed: 1, rejected: 0, percent: 0 },
      { team: 'cleaning', completed: 3, rejected: 1, percent: 33.3 },
      { team: 'maintenance', completed: 2, rejected: 1, percent: 50 },
    ]);
  });

  it('averages the ratings of the window and shows how the stars are spread', () => {
    const report = november();

    expect(report.ratings).toEqual({ count: 3, average: 3.7, distribution: [0, 1, 0, 1, 1] });
  });

  it('has no averages to show for a window without tickets', () => {
    const window = kpiWindow({ from: '2025-01-01', to: '2025-01-31' }, NOW);

    const report = kpiReport(ticketFacts(store.db, window), {}, window, NOW);

    expect(report).toMatchObject({ reported: 0, resolution: { resolved: 0, meanMinutes: null }, sla: { counted: 0, breached: 0, percent: null }, ratings: { count: 0, average: null } });
  });

  it('ends the window now and starts it 30 days before when none is given', () => {
    const window = kpiWindow({}, NOW);

    expect(window).toEqual({ from: '2026-10-21T12:00:00.000Z', to: NOW });
  });
});

describe('GET /api/kpis', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway(); });
  afterAll(async () => { await gw?.stop(); });

  const reportApi = (room: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    return url.pathname + url.search;
  };

  it('shows a rejected maintenance job in the figures of a facility head', async () => {
    const report = await gw.call('POST', reportApi('r203'), { body: { category: 'maintenance', description: 'Door handle loose' } });
    const id = report.body.ticket.id as string;
    const marco = await gw.login('marco');
    const dirk = await gw.login('dirk');
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'dirk' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: dirk });
    await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: dirk });
    await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: marco, body: { reason: 'Not repaired' } });

    const res = await gw.call('GET', '/api/kpis', { cookie: await gw.login('hanna') });

    expect(res.status).toBe(200);
    expect(res.body.reported).toBeGreaterThanOrEqual(2);
    expect(res.body.openByStatus.escalated).toBe(1);
    expect(res.body.rejections.byCategory).toContainEqual({ category: 'maintenance', completed: 1, rejected: 1, percent: 100 });
    expect(res.body.rejections.byTeam).toContainEqual({ team: 'maintenance', completed: 1, rejected: 1, percent: 100 });
  });

  it.each([
    ['a date that does not exist', '?from=2026-02-30', 'INVALID'],
    ['words for a date', '?to=yesterday', 'INVALID'],
    ['an unknown parameter', '?since=2026-01-01', 'INVALID'],
    ['a window that ends before it starts', '?from=2026-11-10&to=2026-11-01', 'BAD_WINDOW'],
  ])('refuses %s with 400', async (_what, query, error) => {
    const res = await gw.call('GET', `/api/kpis${query}`, { cookie: await gw.login('hanna') });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
  });

  it('refuses cleaning staff with 403 and a visitor without a session with 401', async () => {
    const staff = await gw.call('GET', '/api/kpis', { cookie: await gw.login('ana') });
    const visitor = await gw.call('GET', '/api/kpis');

    expect([staff.status, staff.body.error]).toEqual([403, 'NOT_PERMITTED']);
    expect(visitor.status).toBe(401);
  });
});
