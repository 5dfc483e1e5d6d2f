import type { Role } from '../src/contracts/index.ts';
import { demoRooms } from '../src/seed/demo-building.ts';
import type { SiteStore } from '../src/store/site-store.ts';
import type { Actor } from '../src/rights/actor.ts';
import type { BenchTickets } from './bench-tickets.ts';

/** The demo building's 15 rooms, r101..r305. */
export const demoRoomIds: readonly string[] = demoRooms.map((r) => r.id);

export interface Cast { sofia: Actor; ana: Actor; ben: Actor; fiona: Actor }

/** An actor exactly as AuthService builds it for a signed-in user. */
export function userActor(store: SiteStore, id: string): Actor {
  const record = store.directory.user(id);
  if (!record) throw new Error(`demo user ${id} is missing`);
  return { ref: `user:${id}`, user: id, role: record.user.role as Role, teams: record.user.teams, room: null };
}

export function cast(store: SiteStore): Cast {
  return { sofia: userActor(store, 'sofia'), ana: userActor(store, 'ana'), ben: userActor(store, 'ben'), fiona: userActor(store, 'fiona') };
}

/**
 * Untimed setup only: runs `work` inside one outer SQLite transaction, so every
 * BenchTickets call in it becomes a savepoint and the whole batch costs one fsync.
 * (Commit listeners fire per inner call, i.e. before the outer commit; fine for setup.)
 */
export function batched<T>(store: SiteStore, work: () => T): T {
  return store.db.transaction(work)();
}

/**
 * Untimed: copies what setup wrote into the database file before a timed step, so the step
 * does not share the disk with the checkpoint of thousands of setup commands. RESTART, not
 * TRUNCATE: the log file keeps its size and the step's commits write over it from the start,
 * as a gateway in service does, instead of growing the file on every commit.
 */
export function settle(store: SiteStore): void {
  store.db.pragma('wal_checkpoint(RESTART)');
}

export const cleaner = (c: Cast, i: number) => (i % 2 === 0 ? c.ana : c.ben);

/** Opens a cleaning task in `room`, assigned at creation by sofia. One command. */
export function openAssigned(tickets: BenchTickets, c: Cast, room: string, i: number): string {
  return tickets.create(c.sofia, {
    kind: 'task', category: 'cleaning', room, priority: 'normal',
    description: `Bench cleaning round ${i}`, assignee: cleaner(c, i).user!,
  }).id;
}

/** A cleaning task taken to `done` (create+assign, start, complete): three commands. */
export function doneTicket(tickets: BenchTickets, c: Cast, room: string, i: number): string {
  const id = openAssigned(tickets, c, room, i);
  const who = cleaner(c, i);
  tickets.act(who, id, { type: 'start' });
  tickets.act(who, id, { type: 'complete', note: 'Done' });
  return id;
}

/** `count` done tickets spread round-robin over `rooms`, prepared in batches of one fsync each. */
export function prepareDone(store: SiteStore, tickets: BenchTickets, c: Cast, rooms: readonly string[], count: number, chunk = 500) {
  const out: { id: string; room: string }[] = [];
  while (out.length < count) {
    batched(store, () => {
      for (let k = 0; k < chunk && out.length < count; k++) {
        const room = rooms[out.length % rooms.length]!;
        out.push({ id: doneTicket(tickets, c, room, out.length), room });
      }
    });
  }
  return out;
}

/** `count` closed (verified) tickets over `rooms`, plus `openPerRoom` assigned ones per room left open. */
export function prepareCommentTargets(store: SiteStore, tickets: BenchTickets, c: Cast, rooms: readonly string[], count: number, openPerRoom: number) {
  const ids: string[] = [];
  const open = rooms.length * openPerRoom;
  while (ids.length < count) {
    batched(store, () => {
      for (let k = 0; k < 500 && ids.length < count; k++) {
        const i = ids.length;
        const room = rooms[i % rooms.length]!;
        if (i < open) { ids.push(openAssigned(tickets, c, room, i)); continue; }
        const id = doneTicket(tickets, c, room, i);
        tickets.act(c.fiona, id, { type: 'approve' });
        ids.push(id);
      }
    });
  }
  return ids;
}

export function openTicketIds(store: SiteStore, except: ReadonlySet<string> = new Set()): string[] {
  const rows = store.db.prepare("SELECT id FROM tickets WHERE status NOT IN ('verified', 'cancelled') ORDER BY id").all() as { id: string }[];
  return rows.map((r) => r.id).filter((id) => !except.has(id));
}

/** Closes every open ticket not in `keep` (approve what is done, cancel the rest), untimed, batched. */
export function clearBacklog(store: SiteStore, tickets: BenchTickets, c: Cast, keep: ReadonlySet<string> = new Set()): number {
  const ids = openTicketIds(store, keep);
  for (let start = 0; start < ids.length; start += 500) {
    batched(store, () => {
      for (const id of ids.slice(start, start + 500)) {
        const status = store.tickets.get(id)!.status;
        if (status === 'done') tickets.act(c.fiona, id, { type: 'approve' });
        else tickets.act(c.sofia, id, { type: 'cancel', reason: 'Bench cleanup' });
      }
    });
  }
  return ids.length;
}

/** Open (not verified/cancelled) tickets per room, for reporting the backlog a command has to read. */
export function openPerRoom(store: SiteStore): { max: number; mean: number } {
  const rows = store.db.prepare("SELECT room, count(*) AS n FROM tickets WHERE status NOT IN ('verified', 'cancelled') GROUP BY room").all() as { n: number }[];
  const max = Math.max(0, ...rows.map((r) => r.n));
  const mean = rows.length ? rows.reduce((s, r) => s + r.n, 0) / rows.length : 0;
  return { max, mean };
}
