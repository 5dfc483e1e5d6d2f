import type { Room } from '../contracts/index.ts';
import { DomainError, Forbidden } from '../domain-error.ts';

export class QrReplaced extends DomainError {
  readonly code = 'QR_REPLACED';
  constructor() {
    super('this code has been replaced, ask reception');
  }
}

/**
 * Whether a sticker code opens this room: `opens` is the room the code belongs to today,
 * `retiredFrom` the room it was replaced in, if it was.
 */
export function qrRefusal(roomId: string, opens: Room | undefined, retiredFrom: string | undefined): DomainError | null {
  if (retiredFrom === roomId) return new QrReplaced();
  if (!opens || opens.id !== roomId) return new Forbidden('BAD_QR_CODE', 'this code does not belong to this room; ask reception');
  return null;
}
