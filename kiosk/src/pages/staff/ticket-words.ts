import type { HistoryEntry, Names as NamesByLang, Priority, StaffQueue, Ticket } from '@doorside/edge/contracts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Translator } from '../../i18n/translator.ts';
import { type Due, durationParts } from './due.ts';

export interface Names {
  people: ReadonlyMap<string, string>;
  rooms: ReadonlyMap<string, { name: string; floor: number; zone: string; names?: NamesByLang | undefined; zoneNames?: NamesByLang | undefined }>;
  categories: ReadonlyMap<string, { name: string; names?: NamesByLang | undefined; reasonNames?: Record<string, NamesByLang> | undefined }>;
}

const cache = new WeakMap<object, Names>();

/** The names a queue carries, as lookups; made once per queue the gateway sent. */
export function namesOf(queue: Pick<StaffQueue, 'people' | 'rooms' | 'categories'> | undefined): Names {
  const key = queue ?? cache;
  let names = cache.get(key);
  if (!names) {
    names = {
      people: new Map((queue?.people ?? []).map((p) => [p.id, p.name])),
      rooms: new Map((queue?.rooms ?? []).map((r) => [r.id, r])),
      categories: new Map((queue?.categories ?? []).map((c) => [c.id, c])),
    };
    cache.set(key, names);
  }
  return names;
}

/** Priority badges: a word and a shape, with colours of at least 7:1 contrast. */
export const priorityLook: Record<Priority, { background: string; foreground: string; mark: string }> = {
  urgent: { background: '#8a000c', foreground: '#ffffff', mark: '▲▲' },
  high: { background: '#7a3300', foreground: '#ffffff', mark: '▲' },
  normal: { background: '#e6e6e6', foreground: '#111111', mark: '●' },
  low: { background: '#ffffff', foreground: '#333333', mark: '▽' },
};

/** How the history and notes name whoever acted: `user:ana` → "Ana Costa", `panel:r101` → "Door panel, Reception Lounge". */
export function whoIs(ref: string, names: Names, { t, name }: Translator): string {
  const [kind, id = ''] = ref.split(':');
  if (kind === 'user') return names.people.get(id) ?? id;
  if (kind === 'panel') return t('staff.who.panel', { room: roomName(names.rooms.get(id), name) ?? id });
  if (kind === 'device') return t('staff.who.device', { id });
  if (kind === 'occupant') return t('staff.who.occupant');
  return t('staff.who.system');
}

const did: Record<string, MessageKey> = {
  open: 'staff.did.open', assign: 'staff.did.assign', claim: 'staff.did.claim', accept: 'staff.did.accept',
  transfer: 'staff.did.transfer', release: 'staff.did.release', start: 'staff.did.start', complete: 'staff.did.complete',
  approve: 'staff.did.approve', reject: 'staff.did.reject', escalate: 'staff.did.escalate', cancel: 'staff.did.cancel',
};

/** One history step in words: "Transferred to Ben Okafor". */
export function historyWords(entry: HistoryEntry, names: Names, speak: Translator): string {
  const key = did[entry.action];
  const assignee = entry.assignee ? names.people.get(entry.assignee) ?? entry.assignee : '';
  return key ? speak.t(key, { assignee }) : entry.action;
}

export function durationWords(minutes: number, { t }: Translator): string {
  const parts = durationParts(minutes);
  if (parts.days > 0) return t('staff.days', { days: parts.days, hours: parts.hours });
  if (parts.hours > 0) return t('staff.hours', { hours: parts.hours, minutes: parts.minutes });
  return t('staff.minutes', { minutes: parts.minutes });
}

/** "Due 14:30 (in 25 minutes)" or "Overdue by 1 h 5 min". */
export function dueWords(ticket: Ticket, due: Due, now: Date, speak: Translator): string {
  if (due.kind === 'overdue') return speak.t('staff.overdue', { duration: durationWords(due.minutes, speak) });
  return speak.t('staff.due', { time: speak.time(ticket.dueAt, now), relative: speak.ago(ticket.dueAt, now) });
}

const roomName = (room: { name: string; names?: NamesByLang | undefined } | undefined, name: Translator['name']) => (room ? name(room.name, room.names) : undefined);

export function roomWords(ticket: Ticket, names: Names, { t, name }: Translator): string {
  const room = names.rooms.get(ticket.room);
  return room ? `${roomName(room, name)} · ${t('staff.floor', { floor: room.floor })}` : ticket.room;
}

export function categoryWords(ticket: Ticket, names: Names, { name }: Translator): string {
  const category = names.categories.get(ticket.category);
  return category ? name(category.name, category.names) : ticket.category;
}

/** A rejection's reason in the reader's language, when its category lists it with translations; else as recorded. */
export function reasonWords(reason: string, category: string, names: Names, { name }: Translator): string {
  return name(reason, names.categories.get(category)?.reasonNames?.[reason]);
}
