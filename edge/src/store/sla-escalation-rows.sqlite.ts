import type { BreachKind, SlaEscalation } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** One ticket's breaches as the figures count them: its groups, and whether each clock breached by `now`. */
export interface BreachFact { category: string; team: string; vendors: string | null; response: number; resolution: number }

// A clock breached when it was marked so at a change, or while it runs past its due time.
const breachedSql = (clock: string) => `(json_extract(s.doc, '$.${clock}.breachedMs') IS NOT NULL
  OR (json_extract(s.doc, '$.${clock}.state') = 'running' AND json_extract(s.doc, '$.${clock}.dueMs') <= @now))`;

/** A clock the escalation tick looks at: whose, which, and when it runs out (or ran out). */
export interface Watched { ticket: string; breach: BreachKind; dueMs: number; urgent: boolean }

/** When each open ticket's clocks run out, and each breach escalated (once). */
export class SlaEscalationRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** Watches a clock until `dueMs`, or stops watching it (`null`); a row already so is not written again. */
  watch(ticket: string, breach: BreachKind, dueMs: number | null, urgent: boolean): void {
    if (dueMs === null) {
      this.#sql('DELETE FROM sla_watch WHERE ticket = ? AND breach = ?').run(ticket, breach);
      return;
    }
    this.#sql(`INSERT INTO sla_watch (ticket, breach, due_ms, urgent) VALUES (?, ?, ?, ?)
      ON CONFLICT (ticket, breach) DO UPDATE SET due_ms = excluded.due_ms, urgent = excluded.urgent
      WHERE due_ms <> excluded.due_ms OR urgent <> excluded.urgent`).run(ticket, breach, dueMs, urgent ? 1 : 0);
  }

  /** Clocks run out by `nowMs`, soonest first: every one, or (outside working hours) the urgent tickets' only. */
  due(nowMs: number, urgentOnly: boolean, limit: number): Watched[] {
    const rows = (urgentOnly
      ? this.#sql('SELECT ticket, breach, due_ms, urgent FROM sla_watch WHERE urgent = 1 AND due_ms <= ? ORDER BY due_ms LIMIT ?').all(nowMs, limit)
      : this.#sql('SELECT ticket, breach, due_ms, urgent FROM sla_watch WHERE due_ms <= ? ORDER BY due_ms LIMIT ?').all(nowMs, limit)) as { ticket: string; breach: BreachKind; due_ms: number; urgent: number }[];
    return rows.map((r) => ({ ticket: r.ticket, breach: r.breach, dueMs: r.due_ms, urgent: r.urgent === 1 }));
  }

  /** How many clocks are watched, and how many of them have run out by `nowMs`. */
  counts(nowMs: number): { watched: number; due: number } {
    return this.#sql('SELECT count(*) AS watched, coalesce(sum(due_ms <= ?), 0) AS due FROM sla_watch').get(nowMs) as { watched: number; due: number };
  }

  escalation(ticket: string, breach: BreachKind): SlaEscalation | undefined {
    const row = this.#sql('SELECT doc FROM sla_escalations WHERE ticket = ? AND breach = ?').get(ticket, breach) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as SlaEscalation);
  }

  /** Records an escalation; the primary key refuses a second one of the same breach, which rolls its command back. */
  record(escalation: SlaEscalation): void {
    this.#sql('INSERT INTO sla_escalations (ticket, breach, breached_at, at, doc) VALUES (?, ?, ?, ?, ?)')
      .run(escalation.ticket, escalation.breach, escalation.breachedAt, escalation.at, JSON.stringify(escalation));
    this.watch(escalation.ticket, escalation.breach, null, false);
  }

  /** The tickets reported in a window (not cancelled) that have clocks, with their category, team, vendors and breaches. */
  breachFacts(from: string, to: string, nowMs: number): BreachFact[] {
    return this.#sql(`SELECT json_extract(t.doc, '$.category') AS category, t.team AS team,
        (SELECT group_concat(DISTINCT w.vendor) FROM work_orders w WHERE w.ticket = t.id) AS vendors,
        ${breachedSql('response')} AS response, ${breachedSql('resolution')} AS resolution
      FROM tickets t JOIN ticket_sla s ON s.ticket = t.id
      WHERE t.status <> 'cancelled' AND json_extract(t.doc, '$.createdAt') >= @from AND json_extract(t.doc, '$.createdAt') < @to`)
      .all({ from, to, now: nowMs }) as BreachFact[];
  }

  /** Escalations sent at or after `from`, newest first. */
  since(from: string, limit: number): SlaEscalation[] {
    return (this.#sql('SELECT doc FROM sla_escalations WHERE at >= ? ORDER BY at DESC LIMIT ?').all(from, limit) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as SlaEscalation);
  }
}
