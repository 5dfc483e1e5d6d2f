import type { QueueAction, Ticket, TicketAction } from '../contracts/index.ts';
import { may, type Right } from '../rights/rights.ts';
import type { Actor } from './actor.ts';
import { visibleTo } from './authorize.ts';
import { allowedActions } from './lifecycle.ts';

/**
 * The actions the rules would accept from this actor on this ticket, so a page offers
 * only those. It asks the same questions as `decide` and `decideRelease`, in the same
 * order: the rights table, the ticket's status, then what ties the actor to the ticket.
 * Assign and transfer still need a person who may take the ticket; the caller checks that.
 */
export function availableActions(actor: Actor, ticket: Ticket): QueueAction[] {
  // A vendor acts only on their own work orders, a door panel only in its room: as `authorize` says.
  if (!visibleTo(actor, ticket)) return [];
  const actions: QueueAction[] = allowedActions(ticket.status).filter((action) => may(actor.role, action as Right) && fits(actor, ticket, action));
  if (actions.includes('transfer') && ticket.assignee !== null) actions.push('release');
  return actions;
}

function fits(actor: Actor, ticket: Ticket, action: TicketAction): boolean {
  const mine = actor.user !== null && ticket.assignee === actor.user;
  switch (action) {
    case 'claim':
      return (ticket.assignee === null || mine) && (actor.role !== 'staff' || actor.teams.includes(ticket.team));
    case 'transfer':
      return actor.role !== 'staff' || mine;
    case 'start':
    case 'complete':
      return mine;
    case 'accept':
      return mine && ticket.history.at(-1)?.action !== 'accept';
    default:
      return true;
  }
}
