import { z } from 'zod';
import { Room } from '@doorside/edge/contracts';

// The frames `/ws` sends (edge/src/live/ws-routes.ts). Room states are parsed with the
// gateway's own contract, so a page never shows a shape the gateway would not write.
const Snapshot = z.object({ kind: z.literal('snapshot'), rooms: z.array(Room) });
const Event = z.object({ kind: z.literal('event'), type: z.string(), entity: z.string(), state: z.unknown() });

export type LiveFrame = { kind: 'snapshot'; rooms: Room[] } | { kind: 'room'; room: Room } | { kind: 'other' };

/** Reads one frame; anything unknown or malformed is `other` and changes nothing. */
export function readFrame(data: unknown): LiveFrame {
  const snapshot = Snapshot.safeParse(data);
  if (snapshot.success) return { kind: 'snapshot', rooms: snapshot.data.rooms };
  const event = Event.safeParse(data);
  if (event.success && event.data.entity.startsWith('room:')) {
    const room = Room.safeParse(event.data.state);
    if (room.success) return { kind: 'room', room: room.data };
  }
  return { kind: 'other' };
}
