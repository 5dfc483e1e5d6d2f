import type { Announcement, AnnouncementReach } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { targetedPersons, targetedRooms } from './audience.ts';

const SIGN_KINDS: ReadonlySet<string> = new Set(['sign', 'epaper']);

/**
 * How far each announcement went: the rooms it is (or, before its start, would be) shown in
 * and their signs and e-paper displays, the directory persons it is meant for, the mails it
 * queued and the read receipts of signed-in readers.
 */
export function reachOf(store: SiteStore, announcements: readonly Announcement[]): Map<string, AnnouncementReach> {
  const building = { rooms: store.rooms.all(), units: store.entries.units.list(10_000) };
  const persons = store.entries.persons.list(100_000);
  const signsByRoom = new Map<string, number>();
  for (const d of store.directory.devices()) if (!d.revoked && SIGN_KINDS.has(d.kind)) signsByRoom.set(d.room, (signsByRoom.get(d.room) ?? 0) + 1);
  const counts = store.announcements.counts();
  return new Map(announcements.map((a) => {
    const rooms = a.status === 'scheduled' ? targetedRooms(a.targets, building) : a.rooms;
    const counted = counts.get(a.id) ?? { read: 0, mailed: 0 };
    return [a.id, {
      rooms: rooms.length,
      signs: rooms.reduce((n, room) => n + (signsByRoom.get(room) ?? 0), 0),
      persons: targetedPersons({ targets: a.targets, rooms }, persons, building.units).length,
      mailed: counted.mailed,
      read: counted.read,
    }];
  }));
}
