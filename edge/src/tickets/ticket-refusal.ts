import type { Category, OccupantCommand, Ticket, TicketCommand } from '../contracts/index.ts';
import { type DomainError, Refusal } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { refusal } from '../rights/refusal.ts';
import type { Right } from '../rights/rights.ts';
import { DISPATCHING } from './awaiting-payment.ts';
import { disputeRefusal } from './dispute-refusal.ts';
import { AlreadyAccepted, AlreadyAssigned, AlreadyWithTeam, NotOpenToOccupants } from './errors.ts';
import { ownWorkRefusal } from './own-work.ts';
import { rateRefusal } from './rating.ts';

/** What a command needs to know beyond the ticket. */
export interface OccupantFacts {
  /** The ticket's category: its dispute and self-verification settings. */
  category?: Category;
  /** Whether the room lists the ticket to its visitors. */
  listed?: boolean;
  alreadyRated?: boolean;
  /** Whether the job's order is paid at order and still waits for its money. */
  unpaid?: boolean;
}

/** Paid before dispatch (下单即收费): nobody is given, claims or starts a job whose order is not paid yet. */
export const unpaidRefusal = (ticket: Ticket, type: string, unpaid: boolean | undefined): DomainError | null =>
  unpaid && DISPATCHING.has(type) ? new Refusal('ORDER_NOT_PAID', `the order behind ${ticket.id} is paid at order and not paid yet`, { ticket: ticket.id }) : null;

/**
 * Why the actor may not give this command to this ticket now, or null: the rights table's
 * answer for the command's right, with what the ticket's own state forbids.
 */
export function ticketRefusal(actor: Actor, ticket: Ticket, command: TicketCommand | OccupantCommand, facts: OccupantFacts = {}): DomainError | null {
  const ask = (right: Right, action: string, own?: () => DomainError | null) =>
    refusal(actor, right, ticket, action, () => unpaidRefusal(ticket, command.type, facts.unpaid) ?? own?.() ?? null);
  switch (command.type) {
    case 'comment':
      return ask(command.internal ? 'comment-internal' : 'comment', 'comment');
    case 'attach':
      // Whoever may comment may attach photos (before a completion or a rejection names them).
      return ask('comment', 'comment');
    case 'release':
      // A hand-back to the team's pool is a transfer to the team rather than to a person.
      return ask('transfer', 'transfer', () => (ticket.assignee === null ? new AlreadyWithTeam(ticket.team) : null));
    case 'claim':
      return ask('claim', 'claim', () => (ticket.assignee && ticket.assignee !== actor.user ? new AlreadyAssigned(ticket.assignee) : null));
    case 'accept':
      return ask('accept', 'accept', () => (ticket.history.at(-1)?.action === 'accept' ? new AlreadyAccepted(ticket.assignee) : null));
    case 'dispute':
      return ask('dispute', 'dispute', () => (facts.category ? disputeRefusal(ticket, facts.category) : null));
    case 'add-occupant-note':
      // Whoever may report may add to a ticket the room lists instead of filing a duplicate.
      return ask('report', 'report', () => (facts.listed ? null : new NotOpenToOccupants(ticket.id)));
    case 'approve':
    case 'reject':
      // Who did the job does not verify it, unless the category allows it.
      return ask(command.type, command.type, () => ownWorkRefusal(actor, ticket, command.type, facts.category));
    case 'rate':
      return ask('report', 'rate', () => rateRefusal(ticket, facts.alreadyRated ?? false));
    default:
      return ask(command.type, command.type);
  }
}
