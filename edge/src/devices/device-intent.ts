import type { DeviceEvent } from '../contracts/index.ts';
import type { TicketCommand } from '../contracts/index.ts';

export const DEFAULT_SERVICE_CATEGORY = 'cleaning';

/** What a device's event asks of the site, before the ticket rules judge it. */
export type DeviceIntent =
  | { kind: 'open'; category: string; description: string }
  | { kind: 'act'; ticket: string; command: TicketCommand }
  | { kind: 'note-scan' }
  | { kind: 'note-reading'; sensor: string; value: number; unit: string | null }
  | { kind: 'deny'; code: string; message: string };

/** A one-button panel: approve the finished job if one waits for a verdict, otherwise ask for service. */
export function singleButtonAction(waiting: string | null): 'approve' | 'request_service' {
  return waiting ? 'approve' : 'request_service';
}

/**
 * A panel's approve or reject button is about the room's finished job waiting for a
 * verdict: the most recently finished one, which `waiting` looks up (the store's
 * `latestDoneInRoom`) only when a verdict is asked for.
 */
export function deviceIntent(event: DeviceEvent, waiting: () => string | null): DeviceIntent {
  switch (event.type) {
    case 'button': {
      if (event.action === 'request_service') {
        return { kind: 'open', category: event.category ?? DEFAULT_SERVICE_CATEGORY, description: 'Service requested at the door panel' };
      }
      const ticket = waiting();
      if (!ticket) return { kind: 'deny', code: 'NOTHING_TO_VERIFY', message: 'no finished job in this room is waiting for approval' };
      if (event.action === 'approve') return { kind: 'act', ticket, command: { type: 'approve' } };
      if (!event.reason) return { kind: 'deny', code: 'REASON_REQUIRED', message: 'a rejection needs a reason' };
      return { kind: 'act', ticket, command: { type: 'reject', reason: event.reason } };
    }
    case 'scan':
      return { kind: 'note-scan' };
    case 'reading':
      return { kind: 'note-reading', sensor: event.sensor, value: event.value, unit: event.unit ?? null };
  }
}
