import { Forbidden } from '../domain-error.ts';
import { may, type Right } from '../rights/rights.ts';
import type { Ticket } from '../contracts/index.ts';
import type { Actor } from './actor.ts';

/** The rights table first, then what ties an actor to one ticket. */
export function authorize(actor: Actor, right: Right, ticket: Ticket): void {
  if (!may(actor.role, right)) {
    throw new Forbidden('NOT_PERMITTED', `a ${actor.role} may not ${right} tickets`, { role: actor.role, right });
  }
  if (actor.room !== null && actor.room !== ticket.room) {
    throw new Forbidden('WRONG_ROOM', `this panel belongs to room ${actor.room}, not ${ticket.room}`, { room: actor.room });
  }
  if (actor.role === 'vendor' && ticket.assignee !== actor.user) {
    throw new Forbidden('NOT_YOUR_WORK_ORDER', 'a vendor acts only on work orders given to them');
  }
}

/** A vendor sees only their own work orders, a door panel only its room's tickets. */
export function visibleTo(actor: Actor, ticket: Ticket): boolean {
  if (actor.role === 'vendor') return ticket.assignee === actor.user;
  if (actor.room !== null) return ticket.room === actor.room;
  return true;
}

/** The same rule as a filter on ticket lists. */
export function visibleScope(actor: Actor): { assignee?: string; room?: string } {
  if (actor.role === 'vendor') return { assignee: actor.user ?? '' };
  if (actor.room !== null) return { room: actor.room };
  return {};
}
