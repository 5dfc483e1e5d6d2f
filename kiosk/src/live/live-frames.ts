import { LiveEvent, LiveSnapshot, Room } from '@doorside/edge/contracts';

// Frames are parsed with the gateway's own contract, so a page never shows a shape the gateway would not write.
const Snapshot = LiveSnapshot;
const Event = LiveEvent;

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
