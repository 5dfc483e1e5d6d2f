import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/rights/actor.ts';
import { SLICE } from '../src/schedules/schedule-generator.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const SCHEDULES = 1000;
const hanna: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: ['facility'], room: null };

/** One commit of the group-commit queue, as its listeners hear it: the schedules run in it, and whether the room's status changed in it. */
interface Commit { schedules: number; room: boolean }

describe('the schedule generator in slices', () => {
  let gw: TestGateway;
  let now = '2026-03-01T12:00:00.000Z';
  const said: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now, scheduleTicks: false, escalationTicks: false, say: (line) => said.push(line) });
    // Planned work in two rooms; the status is set on a third, so its commit is told apart.
    const rooms = ['r102', 'r201'];
    await Promise.all(Array.from({ length: SCHEDULES }, (_, i) => gw.commands.handle(hanna, { directory: true }, {
      type: 'create-schedule',
      schedule: { title: `Weekly check ${i}`, place: { kind: 'room', room: rooms[i % rooms.length]! }, rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2026-03-02T08:00', timeZone: 'Europe/Oslo', category: 'maintenance' },
    })));
  }, 60_000);
  afterAll(async () => { await gw?.stop(); });

  it('makes 1,000 due tickets in slices of at most 50, once each, and answers a command issued meanwhile before it finishes', async () => {
    const commits: Commit[] = [];
    let open: Commit | null = null;
    let firstSlice!: () => void;
    const started = new Promise<void>((resolve) => { firstSlice = resolve; });
    // The listeners hear one commit's commands together, in one turn: a commit is what they hear before the next microtask.
    const stopListening = gw.store.onCommit(({ changes }) => {
      if (!open) {
        const commit: Commit = { schedules: 0, room: false };
        open = commit;
        commits.push(commit);
        queueMicrotask(() => { open = null; if (commit.schedules > 0) firstSlice(); });
      }
      open.schedules += changes.filter((c) => c.entity === 'schedule-cursor').length;
      open.room ||= changes.some((c) => c.entity === 'room' && c.state.id === 'r101');
    });
    const order: string[] = [];
    now = '2026-03-02T07:00:00.000Z'; // Monday 08:00 in Oslo: every schedule's first occurrence is due

    const cookie = await gw.login('hanna');
    const tick = gw.schedules.tick().then((report) => { order.push('generator finished'); return report; });
    await started;
    const madeWhenAsked = commits.reduce((n, c) => n + c.schedules, 0);
    const status = await gw.call('POST', '/api/rooms/r101/status', { cookie, body: { status: 'do_not_use', reason: 'Water on the floor' } });
    order.push('room status answered');
    const madeWhenAnswered = commits.reduce((n, c) => n + c.schedules, 0);
    const report = await tick;
    const again = await gw.schedules.tick();
    stopListening();

    const sliced = commits.filter((c) => c.schedules > 0);
    const roomCommit = commits.findIndex((c) => c.room);
    const rows = gw.store.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT ticket) AS tickets, COUNT(DISTINCT schedule) AS schedules FROM schedule_occurrences').get();
    const planned = new Set(report.made.map((id) => gw.store.tickets.get(id)?.planned?.schedule));
    console.info(`interleaving: ${madeWhenAsked} schedules run when the room's status was asked for, ${madeWhenAnswered} when it was answered, of ${SCHEDULES}; `
      + `commits: ${commits.map((c) => (c.room ? `[room${c.schedules ? `+${c.schedules}` : ''}]` : c.schedules)).join(' ')}`);

    expect(status.status).toBe(200);
    expect(order).toEqual(['room status answered', 'generator finished']);
    expect(madeWhenAnswered).toBeLessThan(SCHEDULES);
    expect(report).toMatchObject({ schedules: SCHEDULES, failed: 0, dropped: 0 });
    expect(report.made).toHaveLength(SCHEDULES);
    expect(new Set(report.made).size).toBe(SCHEDULES);
    expect(report.slices).toBe(SCHEDULES / SLICE);
    expect(sliced.every((c) => c.schedules <= SLICE)).toBe(true);
    expect(sliced.reduce((n, c) => n + c.schedules, 0)).toBe(SCHEDULES);
    // The room's change committed between two slices of the generator (or beside one), not after the last.
    expect(roomCommit).toBeGreaterThan(commits.findIndex((c) => c.schedules > 0));
    expect(roomCommit).toBeLessThan(commits.findLastIndex((c) => c.schedules > 0));
    expect(rows).toEqual({ n: SCHEDULES, tickets: SCHEDULES, schedules: SCHEDULES });
    expect(planned.size).toBe(SCHEDULES);
    expect(again).toMatchObject({ schedules: 0, made: [] });
  }, 120_000);

  it('catches up after weeks off, each schedule capped and said in the log, in slices, with nothing made twice', async () => {
    const kept = 100;
    const removed = gw.store.schedules.all().slice(kept);
    await Promise.all(removed.map((s) => gw.commands.handle(hanna, { schedule: s.id }, { type: 'remove-schedule' })));
    now = '2026-05-26T07:00:00.000Z'; // twelve Mondays later
    const report = await gw.schedules.tick();
    const again = await gw.schedules.tick();
    const rows = gw.store.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT schedule || occurrence) AS distinct_ FROM schedule_occurrences').get();

    // 9 March to 25 May: 12 Mondays each, the latest 10 made, 2 left out and said.
    expect(report).toMatchObject({ schedules: kept, failed: 0, dropped: 2 * kept, slices: kept / SLICE });
    expect(report.made).toHaveLength(10 * kept);
    expect(new Set(report.made).size).toBe(10 * kept);
    expect(said.filter((line) => /2 older occurrence\(s\) left out/.test(line))).toHaveLength(kept);
    expect(rows).toEqual({ n: SCHEDULES + 10 * kept, distinct_: SCHEDULES + 10 * kept });
    expect(again.made).toEqual([]);
  }, 180_000);
});
