import { NotFound } from '../domain-error.ts';
import { newToken } from '../auth/token.ts';
import type { Room, RoomStatus } from '../contracts/index.ts';
import { assertMay } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Actor } from '../tickets/actor.ts';
import type { Clock } from '../tickets/ticket-service.ts';
import { roomSetByHand } from './room-status.ts';

/** A facility head sets a room's status by hand, for example to lift a Do-Not-Use after an inspection. */
export class RoomService {
  constructor(private readonly store: SiteStore, private readonly clock: Clock) {}

  /** Replaces a room's sticker code; stickers with the old one then say so instead of opening a report. */
  rotateQr(actor: Actor, id: string): { room: Room; secret: string } {
    assertMay(actor.role, 'manage-devices');
    const at = this.clock();
    return this.store.transact(actor.ref, at, (tx) => {
      const room = this.store.rooms.get(id);
      if (!room) throw new NotFound('room', id);
      const secret = newToken(16);
      this.store.rooms.replaceQrSecret(id, secret, at);
      tx.record('room-qr-rotated', `room:${id}`, { room: id });
      return { room, secret };
    });
  }

  setStatus(actor: Actor, id: string, status: RoomStatus, reason: string): Room {
    assertMay(actor.role, 'set-room-status');
    const at = this.clock();
    return this.store.transact(actor.ref, at, (tx) => {
      const room = this.store.rooms.get(id);
      if (!room) throw new NotFound('room', id);
      const after = roomSetByHand(room, status, reason, at);
      if (after) tx.apply({ entity: 'room', type: 'room-status-changed', state: after });
      return after ?? room;
    });
  }
}
