import type { Room } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { qrRefusal } from './qr-code.ts';

/** The room a sticker code opens, refused for an unknown room and for a wrong or replaced code. */
export function roomByCode(store: SiteStore, roomId: string, qr: string): Room {
  if (!store.rooms.get(roomId)) throw new NotFound('room', roomId);
  const opens = store.rooms.byQrSecret(qr);
  const refused = qrRefusal(roomId, opens, store.rooms.retiredQr(qr));
  if (refused) throw refused;
  return opens!;
}
