import type { BreachKind, TicketStatus } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type ClockRow, isFinished, type SlaRow } from './sla-clock.ts';

const BREACHES = ['response', 'resolution'] as const satisfies readonly BreachKind[];

/**
 * When a clock is to be looked at for escalation: when it ran out, if it has and the ticket is
 * still worked or waiting; when it will run out, while it runs; never once it stopped (answered,
 * or the work finished) or while it is paused short of its target.
 */
export function watchFrom(status: TicketStatus | string, clock: ClockRow): number | null {
  if (isFinished(status) || clock.state === 'stopped') return null;
  if (clock.breachedMs !== null) return clock.breachedMs;
  return clock.state === 'running' ? clock.dueMs : null;
}

/**
 * When the escalation tick is to look at a ticket next: the soonest of its clocks' watch times,
 * leaving out a breach escalated already (it is not watched again). A ticket just opened has no
 * escalations to look up.
 */
export function watchTime(store: SiteStore, ticket: { id: string; status: string }, row: SlaRow, opened = false): number | null {
  let soonest: number | null = null;
  for (const breach of BREACHES) {
    const from = watchFrom(ticket.status, row[breach]);
    if (from === null || (soonest !== null && from >= soonest)) continue;
    if (!opened && store.slaEscalations.escalation(ticket.id, breach)) continue;
    soonest = from;
  }
  return soonest;
}

/** A clock the escalation tick is to escalate: whose, which, and when it ran out. */
export interface Watched { ticket: string; breach: BreachKind; dueMs: number; urgent: boolean }

/**
 * The clocks run out by `nowMs` and not escalated yet, soonest first, from the tickets whose
 * watched time has come: every ticket's, or (outside working hours) the urgent ones' only.
 */
export function dueBreaches(store: SiteStore, nowMs: number, urgentOnly: boolean, limit: number): Watched[] {
  const due: Watched[] = [];
  for (const t of store.slaEscalations.due<SlaRow>(nowMs, urgentOnly, limit)) {
    for (const breach of BREACHES) {
      const from = watchFrom(t.status, t.clocks[breach]);
      if (from === null || from > nowMs || store.slaEscalations.escalation(t.ticket, breach)) continue;
      due.push({ ticket: t.ticket, breach, dueMs: from, urgent: t.urgent });
    }
  }
  return due.sort((a, b) => a.dueMs - b.dueMs || a.ticket.localeCompare(b.ticket));
}
