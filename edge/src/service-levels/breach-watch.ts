import type { BreachKind, Ticket } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { ClockRow, SlaRow } from './sla-clock.ts';

const FINISHED = new Set(['done', 'verified', 'cancelled']);

/**
 * When a clock is to be looked at for escalation: when it ran out, if it has and the ticket is
 * still worked or waiting; when it will run out, while it runs; never once it stopped (answered,
 * or the work finished) or while it is paused short of its target.
 */
export function watchFrom(ticket: Ticket, clock: ClockRow): number | null {
  if (FINISHED.has(ticket.status) || clock.state === 'stopped') return null;
  if (clock.breachedMs !== null) return clock.breachedMs;
  return clock.state === 'running' ? clock.dueMs : null;
}

/**
 * Keeps the escalation tick's rows of a ticket in step with its clocks, in the same transaction;
 * a breach escalated is not watched again. A ticket just opened has neither rows nor escalations
 * to look up.
 */
export function watchBreaches(store: SiteStore, ticket: Ticket, row: SlaRow, opened = false): void {
  for (const breach of ['response', 'resolution'] as const satisfies readonly BreachKind[]) {
    const from = watchFrom(ticket, row[breach]);
    const due = from !== null && !opened && store.slaEscalations.escalation(ticket.id, breach) ? null : from;
    if (due === null && opened) continue;
    store.slaEscalations.watch(ticket.id, breach, due, ticket.priority === 'urgent');
  }
}
