import { Forbidden, Invalid } from '../domain-error.ts';
import { roomOnClose, roomOnStart } from '../rooms/room-status.ts';
import type { Ticket } from '../contracts/index.ts';
import type { Change } from './change.ts';
import type { TicketCommand } from './commands.ts';
import type { Decision, TicketContext } from './context.ts';
import { AlreadyAccepted, AlreadyAssigned, NotAssignee } from './errors.ts';
import { assertEligible } from './eligibility.ts';
import { assertAllowed } from './lifecycle.ts';
import { assigned } from './assign.ts';
import { authorize } from './authorize.ts';
import { assertAttached, decideRejection } from './reject.ts';
import { respond, step } from './step.ts';

const ticketChange = (type: string, state: Ticket): Change => ({ entity: 'ticket', type, state });
const only = (...changes: Change[]): Decision => ({ changes, triggered: null });

/** What a command does to a ticket (and through it to its room), or the refusal. */
export function decide(ctx: TicketContext, command: TicketCommand): Decision {
  const { ticket, actor, at } = ctx;
  const right = command.type === 'comment' && command.internal ? 'comment-internal' : command.type;
  authorize(actor, right, ticket);
  assertAllowed(ticket.status, command.type);

  switch (command.type) {
    case 'assign':
      return only(ticketChange('ticket-assigned', assigned(ctx, command)));
    case 'transfer': {
      const to = command.to;
      if (ticket.assignee !== actor.user && actor.role === 'staff') throw new NotAssignee('transfer', ticket.assignee);
      if (!ctx.target || ctx.target.id !== to) throw new Invalid('UNKNOWN_USER', `there is no user ${to}`);
      assertEligible(ctx.target, ticket.team);
      const moved = to === ticket.assignee ? ticket : respond(ticket, 'reassigned');
      return only(ticketChange('ticket-transferred', step(moved, at, actor, 'transfer', 'assigned', to, command.note)));
    }
    case 'claim': {
      if (ticket.assignee && ticket.assignee !== actor.user) throw new AlreadyAssigned(ticket.assignee);
      if (actor.role === 'staff' && !actor.teams.includes(ticket.team)) {
        throw new Forbidden('NOT_YOUR_TEAM', `only team ${ticket.team} claims this ticket`, { team: ticket.team });
      }
      return only(ticketChange('ticket-claimed', step(ticket, at, actor, 'claim', 'assigned', actor.user, command.note)));
    }
    case 'accept': {
      // The vendor's answer to a work order given to them: the job stays assigned, now acknowledged.
      if (ticket.assignee !== actor.user) throw new NotAssignee('accept', ticket.assignee);
      if (ticket.history.at(-1)?.action === 'accept') throw new AlreadyAccepted(ticket.assignee);
      return only(ticketChange('ticket-accepted', step(ticket, at, actor, 'accept', 'assigned', ticket.assignee, command.note)));
    }
    case 'start': {
      if (ticket.assignee !== actor.user) throw new NotAssignee('start', ticket.assignee);
      const started = step(respond(ticket, 'reworking'), at, actor, 'start', 'in_progress', ticket.assignee, command.note);
      const room = roomOnStart(ctx.room, started, ctx.category.holdsRoom, at);
      return only(ticketChange('ticket-started', started), ...roomChange(room));
    }
    case 'complete': {
      if (ticket.assignee !== actor.user) throw new NotAssignee('complete', ticket.assignee);
      assertAttached(ticket, command.photos);
      const done = step(respond(ticket, 'redone'), at, actor, 'complete', 'done', ticket.assignee, command.note);
      return only(ticketChange('ticket-completed', done));
    }
    case 'approve':
      return close(ctx, 'approve', 'verified', 'ticket-approved', command.notes);
    case 'cancel':
      return close(ctx, 'cancel', 'cancelled', 'ticket-cancelled', command.reason);
    case 'reject':
      return decideRejection(ctx, command);
    case 'escalate': {
      const to = ctx.team?.supervisor ?? null;
      const escalated = step(respond(ticket, 'escalated'), at, actor, 'escalate', 'escalated', to, command.reason);
      return {
        changes: [ticketChange('ticket-escalated', escalated)],
        triggered: { route: 'escalated', assignee: to, followUp: null, roomStatus: null, notified: [] },
      };
    }
    case 'comment': {
      const note = { at, by: actor.ref, text: command.text, internal: command.internal };
      return only(ticketChange('ticket-commented', { ...ticket, updatedAt: at, notes: [...ticket.notes, note] }));
    }
  }
}

function close(ctx: TicketContext, action: string, status: 'verified' | 'cancelled', type: string, note?: string): Decision {
  const closed = step(ctx.ticket, ctx.at, ctx.actor, action, status, ctx.ticket.assignee, note);
  const room = roomOnClose(ctx.room, closed, ctx.othersHolding, ctx.at);
  return only(ticketChange(type, closed), ...roomChange(room));
}

function roomChange(room: TicketContext['room'] | null): Change[] {
  return room ? [{ entity: 'room', type: 'room-status-changed', state: room }] : [];
}
