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
    const row = this.#sql('SELECT sla FROM ticket_rows WHERE id = ?').get(ticket) as { sla: string | null } | undefined;
    return row?.sla ? (JSON.parse(row.sla) as T) : undefined;
  }

  /** Tickets still worked or waiting that have no clocks kept: opened before clocks were kept, untouched since. */
  openWithoutClocks(limit: number): string[] {
    return (this.#sql(`SELECT id FROM tickets t WHERE status NOT IN ${CLOSED_STATUSES_SQL}
      AND NOT EXISTS (SELECT 1 FROM ticket_sla s WHERE s.ticket = t.id) ORDER BY id LIMIT ?`).all(limit) as { id: string }[]).map((r) => r.id);
  }

  /** Keeps the clocks and the watched time in the ticket's row (written in the same transaction), and only what changed. */
  putClocks<T>(kept: KeptClocks<T>): void {
    this.#sql(`UPDATE ticket_rows SET sla = @sla, sla_due_at = @dueAt, sla_paused = @paused, sla_breached = @breached
      WHERE id = @ticket AND (sla IS NOT @sla OR sla_due_at IS NOT @dueAt OR sla_paused IS NOT @paused OR sla_breached IS NOT @breached)`)
      .run({ ticket: kept.ticket, sla: JSON.stringify(kept.clocks), dueAt: kept.dueAt, paused: kept.paused ? 1 : 0, breached: kept.breached ? 1 : 0 });
    // Apart, so a change of the clocks alone does not rewrite the watch index, nor a watch change the clocks.
    this.#sql('UPDATE ticket_rows SET sla_watch_ms = @watchMs WHERE id = @ticket AND sla_watch_ms IS NOT @watchMs')
      .run({ ticket: kept.ticket, watchMs: kept.watchMs });
  }
}
