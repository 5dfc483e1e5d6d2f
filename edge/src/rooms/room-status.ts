import { named, type Names, plainEnglish, type Phrase, type Room, type RoomStatus, type Ticket } from '../contracts/index.ts';
import { liftsHold, stickyStatus } from './room-hold.ts';

/**
 * How tickets move a room's status. Each function returns the room's new state,
 * or null when the room stays as it is. The ticket named in `room.ticket` is the
 * one behind the current status; only that ticket closing can release it.
 */

/** The reason as text and, when the server made it, as a phrase the signs render in their language. */
type Reason = string | Phrase;

function change(room: Room, status: RoomStatus, reason: Reason, ticket: string | null, at: string): Room {
  const { reasonPhrase: _old, ...rest } = room;
  if (typeof reason === 'string') return { ...rest, status, reason, ticket, since: at };
  return { ...rest, status, reason: plainEnglish(reason), reasonPhrase: reason, ticket, since: at };
}

/** A ticket's title as a room's reason: its phrase when the server made it. */
const titleOf = (t: Ticket): Reason => t.titlePhrase ?? t.title;

/** A rejection's reason as a room's reason, with its translations when the category has them. */
export const rejectedFor = (reason: string, names?: Names): Phrase => ({ code: 'room.rejected', params: { reason: named(reason, names) } });

export function roomOnOpen(room: Room, ticket: Ticket, holdsRoom: boolean, at: string): Room | null {
  if (!holdsRoom || room.status !== 'available') return null;
  return change(room, 'service_due', titleOf(ticket), ticket.id, at);
}

export function roomOnStart(room: Room, ticket: Ticket, holdsRoom: boolean, at: string): Room | null {
  const behindIt = room.ticket === ticket.id;
  if (!holdsRoom && !behindIt) return null;
  if (room.status === 'do_not_use' || room.status === 'in_service') return null;
  return change(room, 'in_service', titleOf(ticket), ticket.id, at);
}

export function roomOnRejection(room: Room, ticket: Ticket, status: RoomStatus | null, reason: Reason, at: string): Room | null {
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
  if (othersHolding.length === 0) {
    const code = closed.status === 'cancelled' ? 'room.ticketCancelled' : 'room.ticketVerified';
    return change(room, 'available', { code, params: { ticket: closed.id } }, null, at);
  }
  const related = othersHolding.find((t) => t.parent === closed.id || t.id === closed.parent);
  if (stickyStatus(room) && related && !repair) return change(room, room.status, room.reasonPhrase ?? room.reason, related.id, at);
  const working = othersHolding.find((t) => t.status === 'in_progress');
  if (working) return change(room, 'in_service', titleOf(working), working.id, at);
  const next = othersHolding[0]!;
  return change(room, 'service_due', titleOf(next), next.id, at);
}

export function roomSetByHand(room: Room, status: RoomStatus, reason: string, at: string): Room | null {
  if (room.status === status && room.reason === reason) return null;
  return change(room, status, reason, null, at);
}

/** The room's open tickets, other than `except`, that keep it from use: their category holds the room, or the room's status names them. */
export function holdingTickets(room: Room, open: readonly Ticket[], holdsRoom: (category: string) => boolean, except: string): Ticket[] {
  return open.filter((t) => t.id !== except && (holdsRoom(t.category) || room.ticket === t.id));
}
