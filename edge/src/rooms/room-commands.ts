import type { Room, RoomCommand, RoomId } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { Right } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import { roomSetByHand } from './room-status.ts';

const rightOf: Record<RoomCommand['type'], Right> = {
  'set-room-status': 'set-room-status',
  'rotate-qr': 'manage-devices',
  'set-alternative-room': 'set-alternative-room',
};

/** The room with its alternative set to `other` (another room of the site) or cleared. */
function withAlternative(store: SiteStore, room: Room, other: RoomId | null): Room {
  const { alternative: _old, ...rest } = room;
  if (other === null) return rest;
  if (other === room.id) throw new Invalid('ALTERNATIVE_IS_SAME_ROOM', `room ${room.id} cannot be its own alternative`, { room: other });
  const target = store.rooms.get(other);
  if (!target) throw new NotFound('room', other);
  return { ...rest, alternative: { id: target.id, name: target.name, ...(target.names ? { names: target.names } : {}), floor: target.floor } };
}

/**
 * A room's status set by hand (a facility head lifting a Do-Not-Use after an inspection,
 * head office through the bridge), a new sticker code for a lost or misused sticker, and
 * the room its sign sends people to while it is out of use.
 */
export const roomCommands: CommandModule<RoomCommand> = {
  types: ['set-room-status', 'rotate-qr', 'set-alternative-room'],

  run(store, { actor, target, command, at, newToken }) {
    const id = (target as { room: string }).room;
    assertMay(actor.role, rightOf[command.type]);
    const room = store.rooms.get(id);
    if (!room) throw new NotFound('room', id);
    if (command.type === 'rotate-qr') {
      const secret = newToken(16);
      return { changes: [{ entity: 'room-qr', type: 'room-qr-rotated', state: { room: id }, secret }], result: { room, secret } };
    }
    if (command.type === 'set-alternative-room') {
      const after = withAlternative(store, room, command.room);
      return { changes: [{ entity: 'room', type: 'room-alternative-set', state: after }], result: after };
    }
    const after = roomSetByHand(room, command.status, command.reason, at);
    return { changes: after ? [{ entity: 'room', type: 'room-status-changed', state: after }] : [], result: after ?? room };
  },
};
