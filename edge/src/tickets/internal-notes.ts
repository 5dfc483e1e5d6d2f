import type { Role, Ticket } from '../contracts/index.ts';
import { may } from '../rights/rights.ts';

/** A ticket as someone without the right to staff-only notes may read it. */
export function withoutInternalNotes<T extends { notes: Array<{ internal?: boolean }> }>(ticket: T): T {
  return { ...ticket, notes: ticket.notes.filter((note) => !note.internal) };
}

/** Whether a role reads staff-only notes: those who may write them. */
export const readsInternalNotes = (role: Role): boolean => may(role, 'comment-internal');

/** The ticket as `role` may read it: staff-only notes only for roles that may write them. */
export function ticketFor(role: Role, ticket: Ticket): Ticket {
  return readsInternalNotes(role) ? ticket : withoutInternalNotes(ticket);
}
