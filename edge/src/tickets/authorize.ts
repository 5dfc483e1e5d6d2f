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
