import type { Room, RoomAction } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { may } from '../rights/rights.ts';

/** What the actor may do to the room itself, asked of the rights table, so a page offers only that. */
export function roomActions(actor: Actor, room: Room): RoomAction[] {
  return room.status !== 'available' && may(actor.role, 'set-room-status') ? ['set-available'] : [];
}
