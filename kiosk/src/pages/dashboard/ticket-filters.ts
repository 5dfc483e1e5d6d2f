import { isOverdue, type Priority, type Ticket, type TicketStatus } from '@doorside/edge/contracts';

/** The ticket list's filters; an empty string means "any". The same names as the gateway's query. */
export interface TicketFilters {
  status: TicketStatus | '';
  team: string;
  priority: Priority | '';
  room: string;
  overdue: '' | 'true' | 'false';
}

/** The overdue filter is the gateway's own rule, re-exported beside the other filters. */
export { isOverdue };

export type TicketSort = 'priority' | 'due';

export const noFilters: TicketFilters = { status: '', team: '', priority: '', room: '', overdue: '' };

const priorityRank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export function matches(ticket: Ticket, filters: TicketFilters, now: Date): boolean {
  return (filters.status === '' || ticket.status === filters.status)
    && (filters.team === '' || ticket.team === filters.team)
    && (filters.priority === '' || ticket.priority === filters.priority)
    && (filters.room === '' || ticket.room === filters.room)
    && (filters.overdue === '' || isOverdue(ticket, now) === (filters.overdue === 'true'));
}

/** Most urgent first (then the earliest due), or simply the earliest due first; the id breaks ties. */
export function sortTickets(tickets: readonly Ticket[], sort: TicketSort): Ticket[] {
  const byDue = (a: Ticket, b: Ticket) => Date.parse(a.dueAt) - Date.parse(b.dueAt);
  const byId = (a: Ticket, b: Ticket) => a.id.localeCompare(b.id, 'en', { numeric: true });
  return [...tickets].sort((a, b) => (sort === 'priority' ? priorityRank[a.priority] - priorityRank[b.priority] : 0) || byDue(a, b) || byId(a, b));
}

export function visibleTickets(tickets: readonly Ticket[], filters: TicketFilters, sort: TicketSort, now: Date): Ticket[] {
  return sortTickets(tickets.filter((t) => matches(t, filters, now)), sort);
}

/**
 * Merges tickets fetched from the gateway into those already known from the live feed,
 * keeping whichever copy changed last: a list that was read before an event arrived
 * must not undo it.
 */
export function mergeTickets(known: readonly Ticket[], incoming: readonly Ticket[]): Ticket[] {
  const byId = new Map(known.map((t) => [t.id, t]));
  for (const t of incoming) {
    const have = byId.get(t.id);
    if (!have || have.updatedAt <= t.updatedAt) byId.set(t.id, t);
  }
  return [...byId.values()];
}
