import type { Room, RoomStatus, Ticket } from '../contracts/index.ts';
import { liftsHold, stickyStatus } from './room-hold.ts';

/**
 * How tickets move a room's status. Each function returns the room's new state,
 * or null when the room stays as it is. The ticket named in `room.ticket` is the
 * one behind the current status; only that ticket closing can release it.
 */

function change(room: Room, status: RoomStatus, reason: string, ticket: string | null, at: string): Room {
  return { ...room, status, reason, ticket, since: at };
}

export function roomOnOpen(room: Room, ticket: Ticket, holdsRoom: boolean, at: string): Room | null {
  if (!holdsRoom || room.status !== 'available') return null;
  return change(room, 'service_due', ticket.title, ticket.id, at);
}

export function roomOnStart(room: Room, ticket: Ticket, holdsRoom: boolean, at: string): Room | null {
  const behindIt = room.ticket === ticket.id;
  if (!holdsRoom && !behindIt) return null;
  if (room.status === 'do_not_use' || room.status === 'in_service') return null;
  return change(room, 'in_service', ticket.title, ticket.id, at);
}

export function roomOnRejection(room: Room, ticket: Ticket, status: RoomStatus | null, reason: string, at: string): Room | null {
  if (status === null) return null;
  // Do-Not-Use outranks a recovery: a lesser rejection must not make a closed room look usable.
  if (room.status === 'do_not_use' && status !== 'do_not_use') return null;
  return change(room, status, reason, ticket.id, at);
}

/**
 * A ticket was verified or cancelled. `othersHolding` are the room's other open
 * tickets that keep it from use. A Do-Not-Use or recovery status passes on to a
 * follow-up of the same job; otherwise the next ticket decides, or the room is free.
 * An approved follow-up of the rejected job behind the status is the repair that
 * rejection asked for: it lifts the status, and the room's other tickets decide.
 */
export function roomOnClose(room: Room, closed: Ticket, othersHolding: Ticket[], at: string): Room | null {
  const { lifts, repair } = liftsHold(room, closed);
  if (!lifts) return null;
  if (othersHolding.length === 0) return change(room, 'available', `${closed.id} ${closed.status}`, null, at);
  const related = othersHolding.find((t) => t.parent === closed.id || t.id === closed.parent);
  if (stickyStatus(room) && related && !repair) return change(room, room.status, room.reason, related.id, at);
  const working = othersHolding.find((t) => t.status === 'in_progress');
  if (working) return change(room, 'in_service', working.title, working.id, at);
  const next = othersHolding[0]!;
  return change(room, 'service_due', next.title, next.id, at);
}

export function roomSetByHand(room: Room, status: RoomStatus, reason: string, at: string): Room | null {
  if (room.status === status && room.reason === reason) return null;
  return change(room, status, reason, null, at);
}

/** The room's open tickets, other than `except`, that keep it from use: their category holds the room, or the room's status names them. */
export function holdingTickets(room: Room, open: readonly Ticket[], holdsRoom: (category: string) => boolean, except: string): Ticket[] {
  return open.filter((t) => t.id !== except && (holdsRoom(t.category) || room.ticket === t.id));
}
