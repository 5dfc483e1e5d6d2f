import { Invalid } from '../domain-error.ts';
import type { Ticket } from '../contracts/index.ts';
import type { TicketCommand } from '../contracts/index.ts';
import type { TicketContext } from './context.ts';
import { assertEligible } from './eligibility.ts';
import { respond, step } from './step.ts';

type Assign = Extract<TicketCommand, { type: 'assign' }>;

/**
 * A dispatcher gives a ticket to a person, or puts it into a team's queue, or both: naming
 * a team moves the ticket to that team; naming nobody leaves it for someone there to claim.
 */
export function assigned(ctx: TicketContext, command: Assign): Ticket {
  const { ticket, actor, at } = ctx;
  if (command.team !== undefined && ctx.targetTeam?.id !== command.team) {
    throw new Invalid('UNKNOWN_TEAM', `there is no team ${command.team}`);
  }
  if (command.assignee === undefined && command.team === undefined) {
    throw new Invalid('NOBODY_NAMED', 'name a person, a team, or both');
  }
  const team = command.team ?? ticket.team;
  if (command.assignee === undefined) {
    const queued = respond({ ...ticket, team }, 'reassigned');
    return step(queued, at, actor, 'assign', 'new', null, command.note);
  }
  const to = command.assignee;
  if (!ctx.target || ctx.target.id !== to) throw new Invalid('UNKNOWN_USER', `there is no user ${to}`);
  assertEligible(ctx.target, team);
  const moved = to === ticket.assignee && team === ticket.team ? ticket : respond(ticket, 'reassigned');
  return step({ ...moved, team }, at, actor, 'assign', 'assigned', to, command.note);
}
