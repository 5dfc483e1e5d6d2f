import type { Change, Ticket, TicketCommand, TicketEventType } from '../contracts/index.ts';
import { Invalid, Refusal } from '../domain-error.ts';
import { roomOnClose, roomOnStart } from '../rooms/room-status.ts';
import { assigned } from './assign.ts';
import { attach } from './attach.ts';
import type { Decision, TicketContext } from './context.ts';
import { assertEligible } from './eligibility.ts';
import { assertAttached, decideRejection } from './reject.ts';
import { decideRelease } from './release.ts';
import { respond, step } from './step.ts';
import { ticketRefusal } from './ticket-refusal.ts';

const ticketChange = (type: TicketEventType, state: Ticket): Change => ({ entity: 'ticket', type, state });
const only = (...changes: Change[]): Decision => ({ changes, triggered: null });

/** What a command does to a ticket (and through it to its room), or the refusal. */
export function decide(ctx: TicketContext, command: TicketCommand): Decision {
  const { ticket, actor, at } = ctx;
  const refused = ticketRefusal(actor, ticket, command, { category: ctx.category, unpaid: ctx.unpaid ?? false });
  if (refused) throw refused;

  switch (command.type) {
    case 'assign':
      return only(ticketChange('ticket-assigned', assigned(ctx, command)));
    case 'transfer': {
      const to = command.to;
      if (!ctx.target || ctx.target.id !== to) throw new Invalid('UNKNOWN_USER', `there is no user ${to}`);
      assertEligible(ctx.target, ticket.team);
      const moved = to === ticket.assignee ? ticket : respond(ticket, 'reassigned');
      return only(ticketChange('ticket-transferred', step(moved, at, actor, 'transfer', 'assigned', to, command.note)));
    }
    case 'release':
      return only(decideRelease(ticket, actor, at, command.note));
    case 'claim':
      return only(ticketChange('ticket-claimed', step(ticket, at, actor, 'claim', 'assigned', actor.user, command.note)));
    case 'accept':
      // The vendor's answer to a work order given to them: the job stays assigned, now acknowledged.
      return only(ticketChange('ticket-accepted', step(ticket, at, actor, 'accept', 'assigned', ticket.assignee, command.note)));
    case 'start': {
      const started = step(respond(ticket, 'reworking'), at, actor, 'start', 'in_progress', ticket.assignee, command.note);
      const room = roomOnStart(ctx.room, started, ctx.category.holdsRoom, at);
      return only(ticketChange('ticket-started', started), ...roomChange(room));
    }
    case 'complete': {
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
    case 'attach':
      return only(attach(ticket, command.attachments, actor, at));
  }
}

function close(ctx: TicketContext, action: string, status: 'verified' | 'cancelled', type: TicketEventType, note?: string): Decision {
  const open = ctx.openWorkOrders ?? [];
  if (open.length > 0) {
    throw new Refusal('WORK_ORDER_OPEN', `the ticket has work order ${open.join(', ')} open: verify or withdraw it first`, { workOrders: open });
  }
  const closed = step(ctx.ticket, ctx.at, ctx.actor, action, status, ctx.ticket.assignee, note);
  const room = roomOnClose(ctx.room, closed, ctx.othersHolding, ctx.at);
  return only(ticketChange(type, closed), ...roomChange(room));
}

function roomChange(room: TicketContext['room'] | null): Change[] {
  return room ? [{ entity: 'room', type: 'room-status-changed', state: room }] : [];
}
