import { publicAnnouncement, type Announcement, type RoomAnnouncementMessage } from '../contracts/index.ts';
import type { SiteSignals } from '../broker/site-signals.ts';
import type { SiteStore } from '../store/site-store.ts';

const SHOWN_CHANGES: ReadonlySet<string> = new Set(['announcement-started', 'announcement-expired', 'announcement-withdrawn']);

/** The announcements live in a room now, the newest start first. */
export function liveInRoom(live: readonly Announcement[], room: string): Announcement[] {
  return live.filter((a) => a.rooms.includes(room)).sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id));
}

/** What a room's signs show: the newest announcement live there, or nothing. */
export function roomAnnouncement(live: readonly Announcement[], room: string): RoomAnnouncementMessage | null {
  const shown = liveInRoom(live, room)[0];
  return shown ? { ...publicAnnouncement(shown), room } : null;
}

/**
 * Keeps each room's retained announcement as the store says it is: after a commit that
 * starts or ends one, every room it names gets its newest live one again, or an empty
 * retained message (cleared) when none is left.
 */
export function publishRoomAnnouncements(store: SiteStore, signals: SiteSignals): () => void {
  const publish = (rooms: Iterable<string>) => {
    const live = store.announcements.live();
    for (const room of rooms) signals.roomAnnouncement(room, roomAnnouncement(live, room));
  };
  const stop = store.onCommit(({ changes }) => {
    const rooms = new Set<string>();
    for (const change of changes) {
      if (change.entity === 'announcement' && SHOWN_CHANGES.has(change.type)) for (const room of change.state.rooms) rooms.add(room);
    }
    if (rooms.size > 0) publish(rooms);
  });
  return stop;
}

/** Every room's retained announcement, or its clearing, as the store holds them: sent before devices connect. */
export function primeRoomAnnouncements(store: SiteStore, signals: SiteSignals): void {
  const live = store.announcements.live();
  for (const room of store.rooms.all()) signals.roomAnnouncement(room.id, roomAnnouncement(live, room.id));
}
