import type { RoomCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import { roomSetByHand } from './room-status.ts';

/**
 * A room's status set by hand (a facility head lifting a Do-Not-Use after an inspection,
 * head office through the bridge), and a new sticker code for a lost or misused sticker.
 */
export const roomCommands: CommandModule<RoomCommand> = {
  types: ['set-room-status', 'rotate-qr'],

  run(store, { actor, target, command, at, newToken }) {
    const id = (target as { room: string }).room;
    assertMay(actor.role, command.type === 'rotate-qr' ? 'manage-devices' : 'set-room-status');
    const room = store.rooms.get(id);
    if (!room) throw new NotFound('room', id);
    if (command.type === 'rotate-qr') {
      const secret = newToken(16);
      return { changes: [{ entity: 'room-qr', type: 'room-qr-rotated', state: { room: id }, secret }], result: { room, secret } };
    }
    const after = roomSetByHand(room, command.status, command.reason, at);
    return { changes: after ? [{ entity: 'room', type: 'room-status-changed', state: after }] : [], result: after ?? room };
  },
};
