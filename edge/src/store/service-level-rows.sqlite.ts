import { CLOSED_STATUSES_SQL, defaultWorkingCalendar, type SlaTargets, type WorkingCalendar } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** The site's targets until set: none per category (the category's due minutes stand in), every wait pausing. */
const defaultTargets: SlaTargets = { targets: [], pausing: ['tenant', 'vendor', 'visit'] };

/** A ticket's clocks as kept, with the columns the lists and the escalation tick read. */
export interface KeptClocks<T> {
  ticket: string; clocks: T; dueAt: string | null; paused: boolean; breached: boolean;
  /** When the escalation tick is to look at the ticket again (null: not watched). */
  watchMs: number | null;
}

/** The clock columns of a ticket's row, as stored. */
export interface ClockColumns {
  sla: string | null; sla_due_at: string | null; sla_paused: number | null; sla_breached: number | null; sla_watch_ms: number | null;
}
const clockColumns = ['sla', 'sla_due_at', 'sla_paused', 'sla_breached', 'sla_watch_ms'] as const;
/** A row that has never had clocks (a ticket just opened). */
export const NO_CLOCKS: ClockColumns = { sla: null, sla_due_at: null, sla_paused: null, sla_breached: null, sla_watch_ms: null };

/** The site's working-hours calendar and targets, and each ticket's service-level clocks. */
export class ServiceLevelRows {
  readonly #sql;
  #calendar: WorkingCalendar | null = null;
  #targets: SlaTargets | null = null;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** The calendar as last set, or the default (Monday to Friday, 08:00–16:00, UTC). */
  calendar(): WorkingCalendar {
    if (this.#calendar) return this.#calendar;
    const row = this.#sql('SELECT doc FROM working_calendar WHERE id = 1').get() as { doc: string } | undefined;
    this.#calendar = row ? (JSON.parse(row.doc) as WorkingCalendar) : defaultWorkingCalendar;
    return this.#calendar;
  }

  putCalendar(calendar: WorkingCalendar): void {
    this.#sql('INSERT INTO working_calendar (id, doc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(JSON.stringify(calendar));
    this.#calendar = null;
  }

  targets(): SlaTargets {
    if (this.#targets) return this.#targets;
    const row = this.#sql('SELECT doc FROM sla_targets WHERE id = 1').get() as { doc: string } | undefined;
    this.#targets = row ? (JSON.parse(row.doc) as SlaTargets) : defaultTargets;
    return this.#targets;
  }

  putTargets(targets: SlaTargets): void {
    this.#sql('INSERT INTO sla_targets (id, doc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(JSON.stringify(targets));
    this.#targets = null;
  }

  clocks<T>(ticket: string): T | undefined {
    return this.kept<T>(ticket)?.clocks;
  }

  /** A ticket's clocks and their columns as stored; absent when the ticket has no row. */
  kept<T>(ticket: string): { clocks: T | undefined; columns: ClockColumns } | undefined {
    const columns = this.#sql(`SELECT ${clockColumns.join(', ')} FROM ticket_rows WHERE id = ?`).get(ticket) as ClockColumns | undefined;
    return columns && { clocks: columns.sla ? (JSON.parse(columns.sla) as T) : undefined, columns };
  }

  /** Tickets still worked or waiting that have no clocks kept: opened before clocks were kept, untouched since. */
  openWithoutClocks(limit: number): string[] {
    return (this.#sql(`SELECT id FROM tickets t WHERE status NOT IN ${CLOSED_STATUSES_SQL}
      AND NOT EXISTS (SELECT 1 FROM ticket_sla s WHERE s.ticket = t.id) ORDER BY id LIMIT ?`).all(limit) as { id: string }[]).map((r) => r.id);
  }

  /**
   * Keeps the clocks and the watched time in the ticket's row (written in the same transaction),
   * in one statement that sets only the columns that changed from `before` (as read in this
   * transaction; read now when not given), and none at all when nothing did: SQLite rewrites
   * the watch index whenever its column is set, changed or not.
   */
  putClocks<T>(kept: KeptClocks<T>, before: ClockColumns = this.kept(kept.ticket)?.columns ?? NO_CLOCKS): void {
    const next: ClockColumns = {
      sla: JSON.stringify(kept.clocks), sla_due_at: kept.dueAt, sla_paused: kept.paused ? 1 : 0,
      sla_breached: kept.breached ? 1 : 0, sla_watch_ms: kept.watchMs,
    };
    const moved = clockColumns.filter((c) => next[c] !== before[c]);
    if (moved.length === 0) return;
    this.#sql(`UPDATE ticket_rows SET ${moved.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
      .run({ id: kept.ticket, ...Object.fromEntries(moved.map((c) => [c, next[c]])) });
  }
}
