import type { TicketStatus } from './domain.ts';

/**
 * When a ticket counts as closed and when as overdue: one rule for the gateway's lists
 * and exports, the central server's views and the pages.
 */
export const CLOSED_STATUSES = ['verified', 'cancelled'] as const satisfies readonly TicketStatus[];

export function isOpen(status: TicketStatus | string): boolean {
  return !(CLOSED_STATUSES as readonly string[]).includes(status);
}

/** Open and past its due time at `now` (ISO time or epoch milliseconds). */
export function isOverdue(ticket: { status: TicketStatus | string; dueAt: string }, now: string | number | Date): boolean {
  const at = typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : now.getTime();
  return isOpen(ticket.status) && Date.parse(ticket.dueAt) < at;
}

/** The closed statuses as an SQL list, for stores that filter open tickets in the database. */
export const CLOSED_STATUSES_SQL = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
