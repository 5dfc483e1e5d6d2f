import type { Schedule } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Schedules of planned work, when each is next due, and the occurrences already made (each once). */
export class ScheduleRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Schedule | undefined {
    const row = this.#sql('SELECT doc FROM schedules WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as Schedule);
  }

  all(): Schedule[] {
    return (this.#sql('SELECT doc FROM schedules ORDER BY id').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Schedule);
  }

  /** Active schedules whose next occurrence's ticket is due by `nowMs`, soonest first. */
  dueBy(nowMs: number, limit: number): string[] {
    return (this.#sql('SELECT id FROM schedules WHERE active = 1 AND next_due <= ? ORDER BY next_due LIMIT ?').all(nowMs, limit) as { id: string }[]).map((r) => r.id);
  }

  put(schedule: Schedule, nextDue: string | null): void {
    this.#sql(`INSERT INTO schedules (id, doc, active, next_due) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, active = excluded.active, next_due = excluded.next_due`)
      .run(schedule.id, JSON.stringify(schedule), schedule.active ? 1 : 0, nextDue === null ? null : Date.parse(nextDue));
  }

  remove(id: string): void {
    this.#sql('DELETE FROM schedules WHERE id = ?').run(id);
  }

  /** Records made occurrences; the primary key refuses one made twice, which rolls the whole command back. */
  advance(schedule: string, made: readonly { occurrence: string; ticket: string }[], nextDue: string | null): void {
    const insert = this.#sql('INSERT INTO schedule_occurrences (schedule, occurrence, at_ms, ticket) VALUES (?, ?, ?, ?)');
    for (const m of made) insert.run(schedule, m.occurrence, Date.parse(m.occurrence), m.ticket);
    this.#sql('UPDATE schedules SET next_due = ? WHERE id = ?').run(nextDue === null ? null : Date.parse(nextDue), schedule);
  }

  /** The latest occurrence made, as its planned instant in milliseconds. */
  lastMade(schedule: string): number | null {
    const row = this.#sql('SELECT MAX(at_ms) AS at FROM schedule_occurrences WHERE schedule = ?').get(schedule) as { at: number | null };
    return row.at;
  }

  /** The tickets made for occurrences planned in a window, by the occurrence's planned instant (ms). */
  madeBetween(schedule: string, fromMs: number, toMs: number): Map<number, string> {
    const rows = this.#sql('SELECT at_ms, ticket FROM schedule_occurrences WHERE schedule = ? AND at_ms BETWEEN ? AND ?').all(schedule, fromMs, toMs) as { at_ms: number; ticket: string }[];
    return new Map(rows.map((r) => [r.at_ms, r.ticket]));
  }
}
