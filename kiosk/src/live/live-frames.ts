import { AnnouncementStatus, LiveEvent, LiveSnapshot, PublicAnnouncement, Room, RoomId } from '@doorside/edge/contracts';
import { z } from 'zod';

// Frames are parsed with the gateway's own contract, so a page never shows a shape the gateway would not write.
const Snapshot = LiveSnapshot;
const Event = LiveEvent;
/** An announcement going up or coming down, as a room's feed gets it: its words, its status and its rooms. */
const AnnouncementChange = PublicAnnouncement.extend({ status: AnnouncementStatus, rooms: z.array(RoomId) });

export type LiveFrame =
  | { kind: 'snapshot'; rooms: Room[]; announcements?: PublicAnnouncement[] }
  | { kind: 'room'; room: Room }
  | { kind: 'announcement'; announcement: PublicAnnouncement; live: boolean; rooms: string[] }
  | { kind: 'other' };

/** Reads one frame; anything unknown or malformed is `other` and changes nothing. */
export function readFrame(data: unknown): LiveFrame {
  const snapshot = Snapshot.safeParse(data);
  if (snapshot.success) {
    const { rooms, announcements } = snapshot.data;
    return announcements ? { kind: 'snapshot', rooms, announcements } : { kind: 'snapshot', rooms };
  }
  const event = Event.safeParse(data);
  if (event.success && event.data.entity.startsWith('room:')) {
    const room = Room.safeParse(event.data.state);
    if (room.success) return { kind: 'room', room: room.data };
  }
  if (event.success && event.data.entity.startsWith('announcement:')) {
    const change = AnnouncementChange.safeParse(event.data.state);
    if (change.success) {
      const { status, rooms, id, title, text, startsAt, until } = change.data;
      return { kind: 'announcement', announcement: { id, title, text, startsAt, until }, live: status === 'live', rooms };
    }
  }
  return { kind: 'other' };
}
