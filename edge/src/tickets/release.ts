import type { Change, Ticket } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { AlreadyWithTeam } from './errors.ts';
import { respond, step } from './step.ts';
import { ticketRefusal } from './ticket-refusal.ts';

export { AlreadyWithTeam };

/**
 * Hands a ticket back to its team's pool: no assignee, status `new`, so anyone of the
 * team may claim it. It is a transfer to the team rather than to a person, so the
 * same right and the same states apply, and staff hand back only their own tickets.
 */
export function decideRelease(ticket: Ticket, actor: Actor, at: string, note?: string): Extract<Change, { entity: 'ticket' }> {
  const refused = ticketRefusal(actor, ticket, { type: 'release', ...(note ? { note } : {}) });
  if (refused) throw refused;
  const released = step(respond(ticket, 'reassigned'), at, actor, 'release', 'new', null, note);
  return { entity: 'ticket', type: 'ticket-released', state: released };
}
