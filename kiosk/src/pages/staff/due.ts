import { isOpen, isOverdue, type Ticket } from '@doorside/edge/contracts';

export type Due =
  | { kind: 'overdue'; minutes: number }
  | { kind: 'due'; minutes: number }
  | { kind: 'none' };

/**
 * Whether a ticket's due time has passed at `now` (the gateway's time), by the shared
 * overdue rule. A job done and waiting for approval shows no due time at all: the worker
 * has nothing left to hurry for.
 */
export function dueState(ticket: Ticket, now: number): Due {
  if (ticket.status === 'done' || !isOpen(ticket.status)) return { kind: 'none' };
  const left = Date.parse(ticket.dueAt) - now;
  return isOverdue(ticket, now) ? { kind: 'overdue', minutes: Math.max(1, Math.floor(-left / 60_000)) } : { kind: 'due', minutes: Math.floor(left / 60_000) };
}

/** A duration in whole minutes as days, hours and minutes, the two largest parts. */
export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return { days, hours, minutes: minutes % 60 };
}
