import type { PersonRecord, Room, Unit } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

export interface MailHome {
  room: string;
  category: string;
  /** The directory person who wrote, and their unit, to link the ticket to. */
  person?: PersonRecord;
  unit?: Unit;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Han, kana and hangul have no spaces between words: a name in them is found anywhere. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a name stands as whole words in a text (any case, any language). */
function names(text: string, name: string): boolean {
  const given = name.trim();
  if (given.length < 2) return false;
  if (unspaced.test(given)) return text.toLowerCase().includes(given.toLowerCase());
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(given)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** The room a subject names by its id or by its name in any language; the longest name wins ("Room 10" over "Room 1"). */
export function roomNamedIn(subject: string, rooms: Iterable<Room>): Room | undefined {
  let best: { room: Room; length: number } | undefined;
  for (const room of rooms) {
    for (const name of [room.id, room.name, ...Object.values(room.names ?? {})]) {
      if (name && names(subject, name) && (!best || name.length > best.length)) best = { room, length: name.length };
    }
  }
  return best?.room;
}

/**
 * Where a new mail inquiry is filed: a sender known in the directory → their unit's first room
 * (the unit they belong to, else the unit of their company); else a room the subject names;
 * else the site's default.
 */
export function mailHome(store: SiteStore, sender: string, subject: string, fallback: { room: string; category: string }): MailHome {
  const person = sender ? store.entries.personByEmail(sender) : undefined;
  const housed = (u: Unit | undefined) => (u && u.rooms.some((r) => store.rooms.get(r)) ? u : undefined);
  const own = person?.unit ? housed(store.entries.units.get(person.unit)) : undefined;
  const unit = own ?? (person?.company
    ? store.entries.units.list().find((u) => u.company?.toLowerCase() === person.company!.toLowerCase() && housed(u))
    : undefined);
  const unitRoom = unit?.rooms.find((r) => store.rooms.get(r));
  const named = unitRoom ? undefined : roomNamedIn(subject, store.rooms.all());
  return {
    room: unitRoom ?? named?.id ?? fallback.room,
    category: fallback.category,
    ...(person ? { person } : {}),
    ...(unit ? { unit } : {}),
  };
}
