import { named, type Change, type RejectionPolicy, type Room, type TeamNotification, type Ticket, type WorkOrder } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { rejectedFor, roomOnRejection } from '../rooms/room-status.ts';
import type { SiteStore } from '../store/site-store.ts';
import { UnknownRejectionReason } from '../tickets/errors.ts';
import { newTicket } from '../tickets/open-ticket.ts';

/**
 * A reported-done order sent back is refused like any service: the reason is one the ticket's
 * category lists, or free text where the category takes it. An order made on its own has no
 * category: its reason is the team's own words.
 */
export function rejectionReasonFor(store: SiteStore, order: WorkOrder, reason: string): string {
  const ticket = order.ticket ? store.tickets.get(order.ticket) : undefined;
  const category = ticket ? store.directory.category(ticket.category) : undefined;
  if (!category) return reason.trim();
  const listed = category.rejectionReasons.find((r) => r.toLowerCase() === reason.trim().toLowerCase());
  if (listed) return listed;
  if (category.allowFreeTextReason && reason.trim() !== '') return reason.trim();
  throw new UnknownRejectionReason(reason, category.rejectionReasons);
}

/** What a rejection of the order set going, by its ticket's category policy. */
export interface OrderRejectionTriggered {
  route: RejectionPolicy['route'];
  /** Escalated: the team's supervisor now answers for the order. */
  escalatedTo: string | null;
  followUp: string | null;
  roomStatus: RejectionPolicy['roomStatus'];
  notified: string[];
}

/**
 * The rest of the category's rejection policy, as a supervisor's rejection of the service
 * applies it: the work goes back to the vendor either way; `escalate` hands the order to the
 * team's supervisor; an urgent follow-up task; the room to `pending_recovery` or `do_not_use`;
 * the teams told. An order made on its own has no category, so nothing more happens.
 */
export function rejectionEffects(
  store: SiteStore, order: WorkOrder, reason: string, input: { actor: Actor; at: string; nextTicketId: () => string },
): { changes: Change[]; triggered: OrderRejectionTriggered | null } {
  const ticket: Ticket | undefined = order.ticket ? store.tickets.get(order.ticket) : undefined;
  const category = ticket ? store.directory.category(ticket.category) : undefined;
  const room: Room | undefined = ticket ? store.rooms.get(ticket.room) : undefined;
  if (!ticket || !category || !room) return { changes: [], triggered: null };
  const { at, actor } = input;
  const policy = category.rejection;
  const reasonNames = category.reasonNames?.[reason];
  const changes: Change[] = [];
  let followUp: string | null = null;
  if (policy.followUp) {
    const opened = newTicket({
      id: input.nextTicketId(), at, actor, room, category, kind: 'task', priority: 'urgent', title: `Follow-up: ${reason} (${ticket.title})`,
      titlePhrase: { code: 'ticket.followUp', params: { reason: named(reason, reasonNames), category: named(category.name, category.names), room: named(room.name, room.names) } },
      description: `${reason}. Work order ${order.id} was sent back to the vendor.`,
      descriptionPhrase: { code: 'ticket.rejected', params: { reason: named(reason, reasonNames) } },
      reporter: { kind: 'user', id: actor.ref, contact: null }, assignee: null, parent: ticket.id,
    });
    followUp = opened.ticket.id;
    // As with a service's rejection: the room's status is the rejection's to set, not the follow-up's.
    changes.push({ entity: 'ticket', type: 'ticket-opened', state: opened.ticket });
  }
  const roomAfter = roomOnRejection(room, ticket, policy.roomStatus, rejectedFor(reason, reasonNames), at);
  if (roomAfter) changes.push({ entity: 'room', type: 'room-status-changed', state: roomAfter });
  const escalatedTo = policy.route === 'escalate' ? store.directory.team(ticket.team)?.supervisor ?? null : null;
  for (const team of policy.notify) {
    const notification: TeamNotification = { team, at, kind: policy.route === 'escalate' ? 'escalation' : 'rejection', ticket: ticket.id, room: room.id, reason };
    changes.push({ entity: 'team', type: 'team-notified', state: notification });
  }
  return { changes, triggered: { route: policy.route, escalatedTo, followUp, roomStatus: policy.roomStatus, notified: [...policy.notify] } };
}
