import type { Category, QueueAction, Ticket, TicketCommand } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { actionsIn } from '../rights/rights.ts';
import { ticketRefusal } from './ticket-refusal.ts';

/** Each action as a command without its particulars, to ask whether it would be accepted. */
const bare = (action: QueueAction): TicketCommand => {
  switch (action) {
    case 'comment': return { type: 'comment', text: '', internal: false };
    case 'transfer': return { type: 'transfer', to: '' };
    case 'reject': return { type: 'reject', reason: '' };
    case 'escalate': case 'cancel': return { type: action, reason: '' };
    default: return { type: action };
  }
};

/**
 * The actions the rules would accept from this actor on this ticket, so a page offers
 * only those: the same refusal `decide` throws, asked for each action (with the ticket's
 * category, which decides whether its worker may verify it, and whether its order waits for
 * payment, which keeps it from being dispatched). Assign and
 * transfer still need a person who may take the ticket; the caller checks that.
 */
export function availableActions(actor: Actor, ticket: Ticket, category?: Category, unpaid = false): QueueAction[] {
  const candidates: QueueAction[] = [...actionsIn(ticket.status), 'release'];
  const facts = { ...(category ? { category } : {}), unpaid };
  return candidates.filter((action) => ticketRefusal(actor, ticket, bare(action), facts) === null);
}
