import type { Rejection, Room, TeamNotification, Ticket } from '../contracts/index.ts';
import { named } from '../contracts/index.ts';
import { rejectedFor, roomOnRejection } from '../rooms/room-status.ts';
import type { Change } from '../contracts/index.ts';
import type { Decision, TicketContext } from './context.ts';
import { UnknownPhoto, UnknownRejectionReason } from './errors.ts';
import { newTicket } from './open-ticket.ts';
import { step } from './step.ts';

export interface RejectCommand {
  reason: string;
  notes?: string;
  photos?: string[];
  /** The reason as the rejecting party gave it (a tenant's low rating), not one of the category's list. */
  asGiven?: boolean;
}

/** Rejections are numbered per ticket: R-1024-1, R-1024-2, … */
export function rejectionIdFor(ticket: Ticket): string {
  return `R-${ticket.id.slice(2)}-${ticket.rejections.length + 1}`;
}

/** The reason as the category lists it, or as typed when the category takes free text. */
export function rejectionReason(ctx: TicketContext, reason: string, asGiven = false): string {
  if (asGiven && reason.trim() !== '') return reason.trim();
  const listed = ctx.category.rejectionReasons.find((r) => r.toLowerCase() === reason.trim().toLowerCase());
  if (listed) return listed;
  if (ctx.category.allowFreeTextReason && reason.trim() !== '') return reason.trim();
  throw new UnknownRejectionReason(reason, ctx.category.rejectionReasons);
}

export function assertAttached(ticket: Ticket, photos: string[] | undefined): string[] {
  for (const photo of photos ?? []) {
    if (!ticket.attachments.some((a) => a.id === photo)) throw new UnknownPhoto(photo);
  }
  return photos ?? [];
}

/**
 * A supervisor refuses a finished service. The category's policy decides where the
 * work goes (back to the same assignee, or up to the team's supervisor), whether an
 * urgent follow-up opens, what the room's status becomes and which teams hear of it.
 */
export function decideRejection(ctx: TicketContext, command: RejectCommand): Decision {
  const { at, actor, ticket, category, room } = ctx;
  const policy = category.rejection;
  const reason = rejectionReason(ctx, command.reason, command.asGiven);
  const reasonNames = category.reasonNames?.[reason];
  const photos = assertAttached(ticket, command.photos);
  const escalate = policy.route === 'escalate';
  const escalatedTo = escalate ? (ctx.team?.supervisor ?? null) : null;
  const changes: Change[] = [];

  let followUp: Ticket | null = null;
  if (policy.followUp) {
    const opened = newTicket({
      id: ctx.nextTicketId(), at, actor, room, category,
      kind: 'task', priority: 'urgent', title: `Follow-up: ${reason} (${ticket.title})`,
      titlePhrase: { code: 'ticket.followUp', params: { reason: named(reason, reasonNames), category: named(category.name, category.names), room: named(room.name, room.names) } },
      description: command.notes ? `${reason}. ${command.notes}` : reason,
      descriptionPhrase: command.notes
        ? { code: 'ticket.rejectedWithNotes', params: { reason: named(reason, reasonNames), notes: command.notes } }
        : { code: 'ticket.rejected', params: { reason: named(reason, reasonNames) } },
      reporter: { kind: 'user', id: actor.ref, contact: null }, assignee: null, parent: ticket.id,
    });
    followUp = opened.ticket;
  }

  const rejection: Rejection = {
    id: ctx.rejectionId, at, room: room.id, by: actor.ref, reason, notes: command.notes ?? null, photos,
    originalAssignee: ticket.assignee, response: escalate ? 'escalated' : 'pending',
    route: escalate ? 'escalated' : 'returned', escalatedTo, followUp: followUp?.id ?? null,
    roomStatus: policy.roomStatus, notified: [...policy.notify],
  };
  const status = escalate ? 'escalated' : 'rejected';
  const assignee = escalate ? escalatedTo : ticket.assignee;
  const rejected = step(ticket, at, actor, 'reject', status, assignee, reason);
  changes.push({ entity: 'ticket', type: 'ticket-rejected', state: { ...rejected, rejections: [...ticket.rejections, rejection] } });
  if (followUp) changes.push({ entity: 'ticket', type: 'ticket-opened', state: followUp });

  const roomAfter: Room | null = roomOnRejection(room, ticket, policy.roomStatus, rejectedFor(reason, reasonNames), at);
  if (roomAfter) changes.push({ entity: 'room', type: 'room-status-changed', state: roomAfter });
  for (const team of policy.notify) {
    const notification: TeamNotification = { team, at, kind: 'rejection', ticket: ticket.id, room: room.id, reason };
    changes.push({ entity: 'team', type: 'team-notified', state: notification });
  }
  return {
    changes,
    triggered: {
      route: rejection.route, assignee, followUp: rejection.followUp,
      roomStatus: policy.roomStatus, notified: rejection.notified,
    },
  };
}
