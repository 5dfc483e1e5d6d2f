import type { Role, Ticket } from '../contracts/index.ts';
import { may } from '../rights/rights.ts';

/** A ticket as someone without the right to staff-only notes may read it. */
export function withoutInternalNotes(ticket: Ticket): Ticket {
  return { ...ticket, notes: ticket.notes.filter((note) => !note.internal) };
}

/** The ticket as `role` may read it: staff-only notes only for roles that may write them. */
export function ticketFor(role: Role, ticket: Ticket): Ticket {
  return may(role, 'comment-internal') ? ticket : withoutInternalNotes(ticket);
}
