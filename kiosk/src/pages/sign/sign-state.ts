import type { PublicAnnouncement, Room } from '@doorside/edge/contracts';
import type { LiveFrame } from '../../live/live-frames.ts';
import type { Connection } from '../../live/live-socket.ts';

export interface SignState {
  /** Undefined until the first snapshot names this room. */
  room: Room | undefined;
  connection: Connection;
  /** The gateway refused the link, or its snapshot does not hold this room. */
  denied: boolean;
  /** The announcements live in the room, the newest start first. */
  announcements: PublicAnnouncement[];
}

export type SignInput =
  | { kind: 'frame'; frame: LiveFrame }
  | { kind: 'connection'; connection: Connection; closeCode?: number | undefined };

export const initialSign: SignState = { room: undefined, connection: 'connecting', denied: false, announcements: [] };

const newestFirst = (a: PublicAnnouncement, b: PublicAnnouncement) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id);

/** What the sign for `roomId` shows after one more thing happened on its feed. */
export function evolveSign(roomId: string, state: SignState, input: SignInput): SignState {
  if (input.kind === 'connection') {
    // 4401: the gateway turned the credentials down; it is not a network blip.
    const denied = input.connection === 'offline' ? input.closeCode === 4401 : state.denied;
    // A retry does not make the sign any less offline: the mark stays until a snapshot arrives.
    const connection = input.connection === 'connecting' && state.connection === 'offline' ? 'offline' : input.connection;
    return { ...state, connection, denied };
  }
  const { frame } = input;
  if (frame.kind === 'snapshot') {
    const room = frame.rooms.find((r) => r.id === roomId);
    return { ...state, connection: 'live', room, denied: room === undefined, announcements: [...frame.announcements ?? []].sort(newestFirst) };
  }
  if (frame.kind === 'room' && frame.room.id === roomId) return { ...state, room: frame.room };
  if (frame.kind === 'announcement') {
    // Up in this room, or taken down (expired, withdrawn) wherever it was.
    const others = state.announcements.filter((a) => a.id !== frame.announcement.id);
    const shown = frame.live && frame.rooms.includes(roomId);
    if (!shown && others.length === state.announcements.length) return state;
    return { ...state, announcements: shown ? [...others, frame.announcement].sort(newestFirst) : others };
  }
  return state;
}
