import { z } from 'zod';
import { Room } from './domain.ts';
import { TrackView } from './http.ts';
import { PublicAnnouncement } from './announcement.ts';

/** The frames `/ws` sends: first a snapshot of the rooms the viewer may see, then each committed event. */
export const LiveSnapshot = z.object({
  kind: z.literal('snapshot'), head: z.number().int(), rooms: z.array(Room),
  /** A room's feed (a sign, an e-paper display, its QR page) only: the announcements live in the room now, the newest first. */
  announcements: z.array(PublicAnnouncement).optional(),
});
export const LiveEvent = z.object({
  kind: z.literal('event'), seq: z.number().int(), at: z.string(), type: z.string(), entity: z.string(), state: z.unknown(),
});
/** What a tracking link's viewer gets instead of events: the public track view, first and after every change to its ticket. */
export const LiveTrack = z.object({ kind: z.literal('track'), seq: z.number().int(), view: TrackView });
/** What a tracking link's viewer gets when an announcement goes up or down in its ticket's room: those live there now, the newest first. */
export const LiveTrackAnnouncements = z.object({ kind: z.literal('announcements'), seq: z.number().int(), announcements: z.array(PublicAnnouncement) });
export type LiveTrackAnnouncements = z.infer<typeof LiveTrackAnnouncements>;
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;
export type LiveTrack = z.infer<typeof LiveTrack>;
export type LiveEvent = z.infer<typeof LiveEvent>;

/**
 * How `/ws` closes a socket. `credentials`: the credentials it was opened with are not (or no
 * longer) valid: never given, signed out, the session expired, the user disabled, the device
 * revoked or re-keyed, the room code replaced; pages treat it as signed out, not as a network
 * blip. A socket whose credentials still hold but whose scope changed (a rebound sign, a user
 * with a new role or new teams) stays open and gets a new snapshot instead.
 */
export const LIVE_CLOSE = {
  credentials: 4401,
  /** The client sent a frame: the feed only sends. */
  sendOnly: 4400,
  /** One device already holds as many feeds as a device may (a sign that keeps reopening without closing). */
  tooMany: 4429,
} as const;
