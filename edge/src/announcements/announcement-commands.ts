import type { Announcement, AnnouncementCommand } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { assertTargetsExist, reaches, readerOfActor, targetedRooms } from './audience.ts';

const YEAR_MS = 366 * 24 * 3600_000;
const utc = (time: string) => new Date(time).toISOString();

function announcementOf(store: SiteStore, target: unknown): Announcement {
  const id = (target as { announcement?: string }).announcement ?? '';
  const found = store.announcements.get(id);
  if (!found) throw new NotFound('announcement', id);
  return found;
}

const building = (store: SiteStore) => ({ rooms: store.rooms.all(), units: store.entries.units.list(10_000) });

/** Live from now: the rooms its targets name are fixed as they stand at this moment. */
const started = (store: SiteStore, a: Announcement, at: string): Announcement =>
  ({ ...a, status: 'live', startedAt: at, rooms: targetedRooms(a.targets, building(store)) });

function assertWindow(startsAt: string, expiresAt: string, at: string): void {
  const start = Date.parse(startsAt);
  const end = Date.parse(expiresAt);
  if (end <= start || end <= Date.parse(at) || end - start > YEAR_MS) {
    throw new Invalid('BAD_ANNOUNCEMENT_WINDOW', 'an announcement expires after it starts, in the future, and within a year of its start', { startsAt, expiresAt });
  }
}

/** Writing an announcement, its start and expiry by the gateway's clock, taking it down early, and read receipts. */
export const announcementCommands: CommandModule<AnnouncementCommand> = {
  types: ['create-announcement', 'start-announcement', 'expire-announcement', 'withdraw-announcement', 'read-announcement'],

  run(store, { actor, target, command, at, newToken }) {
    switch (command.type) {
      case 'create-announcement': {
        assertMay(actor.role, 'manage-announcements');
        const titled = Object.keys(command.title).sort().join(',');
        if (titled !== Object.keys(command.text).sort().join(',')) {
          throw new Invalid('MISSING_TRANSLATION', 'give the title and the text in the same languages', { title: Object.keys(command.title), text: Object.keys(command.text) });
        }
        assertTargetsExist(command.targets, building(store));
        const startsAt = utc(command.startsAt ?? at);
        const expiresAt = utc(command.expiresAt);
        assertWindow(startsAt, expiresAt, at);
        const made: Announcement = {
          id: `A-${newToken(9)}`, title: command.title, text: command.text, targets: command.targets, startsAt, expiresAt,
          status: 'scheduled', rooms: [], createdBy: actor.ref, createdAt: at, startedAt: null, endedAt: null,
        };
        if (Date.parse(startsAt) > Date.parse(at)) return { changes: [{ entity: 'announcement', type: 'announcement-created', state: made }], result: made };
        const live = started(store, made, at);
        return {
          changes: [{ entity: 'announcement', type: 'announcement-created', state: made }, { entity: 'announcement', type: 'announcement-started', state: live }],
          result: live,
        };
      }
      case 'start-announcement': {
        assertMay(actor.role, 'manage-announcements');
        const a = announcementOf(store, target);
        // The tick may find it again before its change is read back: starting twice changes nothing.
        if (a.status !== 'scheduled') return { changes: [], result: a };
        // The gateway was down past its whole window: it ends without being shown.
        if (Date.parse(a.expiresAt) <= Date.parse(at)) {
          const ended: Announcement = { ...a, status: 'expired', endedAt: at };
          return { changes: [{ entity: 'announcement', type: 'announcement-expired', state: ended }], result: ended };
        }
        const live = started(store, a, at);
        return { changes: [{ entity: 'announcement', type: 'announcement-started', state: live }], result: live };
      }
      case 'expire-announcement':
      case 'withdraw-announcement': {
        assertMay(actor.role, 'manage-announcements');
        const a = announcementOf(store, target);
        if (a.status === 'expired' || a.status === 'withdrawn') {
          if (command.type === 'expire-announcement') return { changes: [], result: a };
          throw new Refusal('ANNOUNCEMENT_ENDED', `announcement ${a.id} has ended already`, { status: a.status });
        }
        const status = command.type === 'expire-announcement' ? 'expired' as const : 'withdrawn' as const;
        const ended: Announcement = { ...a, status, endedAt: at };
        return { changes: [{ entity: 'announcement', type: `announcement-${status}`, state: ended }], result: ended };
      }
      case 'read-announcement': {
        assertMay(actor.role, 'read-announcements');
        const a = announcementOf(store, target);
        // Staff read what is meant for their role or the whole building, tenants what is meant for their
        // company, floor or rooms; nobody learns of the others.
        const reader = readerOfActor(actor, (id) => store.entries.persons.get(id), () => store.entries.units.list(10_000));
        if (a.status === 'scheduled' || !reaches(a, reader)) throw new NotFound('announcement', a.id);
        if (a.status !== 'live') throw new Refusal('ANNOUNCEMENT_ENDED', `announcement ${a.id} has ended`, { status: a.status });
        if (store.announcements.readBy(a.id, actor.ref)) return { changes: [], result: { announcement: a.id, reader: actor.ref, at, first: false } };
        const receipt = { announcement: a.id, reader: actor.ref, at };
        return { changes: [{ entity: 'announcement-read', type: 'announcement-read', state: receipt }], result: { ...receipt, first: true } };
      }
    }
  },
};
