import { DomainError } from '../domain-error.ts';
import type { Ticket } from '../contracts/index.ts';
import type { Actor } from './actor.ts';
import { authorize } from './authorize.ts';
import type { Change } from './change.ts';
import { NotAssignee } from './errors.ts';
import { assertAllowed } from './lifecycle.ts';
import { respond, step } from './step.ts';

export class AlreadyWithTeam extends DomainError {
  readonly code = 'ALREADY_WITH_TEAM';
  constructor(team: string) {
    super(`the ticket has no assignee: it is already in team ${team}'s pool`, { team });
  }
}

/**
 * Hands a ticket back to its team's pool: no assignee, status `new`, so anyone of the
 * team may claim it. It is a transfer to the team rather than to a person, so the
 * same right and the same states apply, and staff hand back only their own tickets.
 */
export function decideRelease(ticket: Ticket, actor: Actor, at: string, note?: string): Extract<Change, { entity: 'ticket' }> {
  authorize(actor, 'transfer', ticket);
  assertAllowed(ticket.status, 'transfer');
  if (ticket.assignee === null) throw new AlreadyWithTeam(ticket.team);
  if (actor.role === 'staff' && ticket.assignee !== actor.user) throw new NotAssignee('transfer', ticket.assignee);
  const released = step(respond(ticket, 'reassigned'), at, actor, 'release', 'new', null, note);
  return { entity: 'ticket', type: 'ticket-released', state: released };
}
