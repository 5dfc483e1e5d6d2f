import type { Ticket } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';

// The queue's order: the most urgent first, then the one due soonest.
const order = "ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, due_at, id";
const open = "is_open = 1";

/** The two lists of a worker's queue, each one query on ticket_rows_assignee_open (the pool is its unassigned part). */
export class QueueRows {
  readonly #mine;
  readonly #pool;

  constructor(db: Db) {
    this.#mine = db.prepare<[string, number], { doc: string }>(`SELECT doc FROM tickets WHERE assignee = ? AND ${open} ${order} LIMIT ?`);
    this.#pool = db.prepare<[string, number], { doc: string }>(
      `SELECT doc FROM tickets WHERE team IN (SELECT value FROM json_each(?)) AND assignee IS NULL AND ${open} ${order} LIMIT ?`);
  }

  /** Open tickets assigned to this user. */
  mine(user: string, limit: number): Ticket[] {
    return this.#mine.all(user, limit).map((row) => JSON.parse(row.doc));
  }

  /** Open tickets of these teams that nobody has taken yet. */
  pool(teams: readonly string[], limit: number): Ticket[] {
    if (teams.length === 0) return [];
    return this.#pool.all(JSON.stringify(teams), limit).map((row) => JSON.parse(row.doc));
  }
}
