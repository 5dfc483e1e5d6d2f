import type { BreachKind, SlaEscalation } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** One ticket's breaches as the figures count them: its groups, and whether each clock breached by `now`. */
export interface BreachFact { category: string; team: string; vendors: string | null; response: number; resolution: number }

// A clock breached when it was marked so at a change, or while it runs past its due time.
const breachedSql = (clock: string) => `(json_extract(s.doc, '$.${clock}.breachedMs') IS NOT NULL
  OR (json_extract(s.doc, '$.${clock}.state') = 'running' AND json_extract(s.doc, '$.${clock}.dueMs') <= @now))`;

/** A ticket the escalation tick is to look at: its status, priority and clocks as kept, and since when. */
export interface WatchedTicket<T> { ticket: string; status: string; urgent: boolean; clocks: T; watchMs: number }

/** Each breach escalated (once), and the tickets whose clocks are watched for it. */
export class SlaEscalationRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /**
   * Tickets whose watched time has come by `nowMs`, soonest first: every one, or (outside working
   * hours) the urgent ones only. The time is kept in the ticket's row with its clocks.
   */
  due<T>(nowMs: number, urgentOnly: boolean, limit: number): WatchedTicket<T>[] {
    const rows = this.#sql(`SELECT id, status, priority, sla, sla_watch_ms FROM ticket_rows
      WHERE sla_watch_ms <= ? ${urgentOnly ? "AND priority = 'urgent'" : ''} AND sla IS NOT NULL ORDER BY sla_watch_ms, id LIMIT ?`)
      .all(nowMs, limit) as { id: string; status: string; priority: string; sla: string; sla_watch_ms: number }[];
    return rows.map((r) => ({ ticket: r.id, status: r.status, urgent: r.priority === 'urgent', clocks: JSON.parse(r.sla) as T, watchMs: r.sla_watch_ms }));
  }

  /** How many tickets are watched, and how many of them are due by `nowMs`. */
  counts(nowMs: number): { watched: number; due: number } {
    return this.#sql('SELECT count(*) AS watched, coalesce(sum(sla_watch_ms <= ?), 0) AS due FROM ticket_rows WHERE sla_watch_ms IS NOT NULL')
      .get(nowMs) as { watched: number; due: number };
  }

  escalation(ticket: string, breach: BreachKind): SlaEscalation | undefined {
    const row = this.#sql('SELECT doc FROM sla_escalations WHERE ticket = ? AND breach = ?').get(ticket, breach) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as SlaEscalation);
  }

  /**
   * Records an escalation; the primary key refuses a second one of the same breach, which rolls its
   * command back. The clocks' keeper then moves the ticket's watched time on, in the same transaction.
   */
  record(escalation: SlaEscalation): void {
    this.#sql('INSERT INTO sla_escalations (ticket, breach, breached_at, at, doc) VALUES (?, ?, ?, ?, ?)')
      .run(escalation.ticket, escalation.breach, escalation.breachedAt, escalation.at, JSON.stringify(escalation));
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
