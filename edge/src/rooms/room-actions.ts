import type { Room, RoomAction } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { may } from '../rights/rights.ts';

/** What the actor may do to the room itself, asked of the rights table, so a page offers only that. */
export function roomActions(actor: Actor, room: Room): RoomAction[] {
  const actions: RoomAction[] = [];
  if (room.status !== 'available' && may(actor.role, 'set-room-status')) actions.push('set-available');
  if (may(actor.role, 'set-alternative-room')) actions.push('set-alternative');
  return actions;
}
