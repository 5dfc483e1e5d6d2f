import { Phrase } from '@doorside/edge/contracts';
import { z } from 'zod';
import type { ShippedEvent } from '../protocol.ts';

/**
 * What head office queries without reading the log: each ticket's and each device's
 * latest state, taken from the events as they are stored. Lenient on purpose: a state
 * the projection does not understand is still stored and verified, just not projected.
 */
const TicketState = z.object({
  id: z.string().max(40),
  kind: z.string().max(40),
  category: z.string().max(60),
  priority: z.string().max(20),
  status: z.string().max(20),
  room: z.string().max(60),
  team: z.string().max(60),
  assignee: z.string().max(60).nullable(),
  title: z.string().max(300),
  titlePhrase: z.unknown().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string(),
  history: z.array(z.object({ at: z.string(), status: z.string() })).default([]),
  rejections: z.array(z.unknown()).default([]),
});
const RatingState = z.object({ ticket: z.string().max(40), score: z.number().int().min(1).max(5) });
const DeviceState = z.object({ id: z.string().max(60), kind: z.string().max(40), room: z.string().max(60), revoked: z.boolean().default(false) });

export const ticketColumns = [
  { name: 'site' }, { name: 'id' }, { name: 'kind' }, { name: 'category' },
  { name: 'priority' }, { name: 'status' }, { name: 'room' }, { name: 'team' },
  { name: 'assignee' }, { name: 'title' }, { name: 'created_ms' }, { name: 'updated_ms' },
  { name: 'due_ms' }, { name: 'resolved_ms' }, { name: 'rejections' }, { name: 'last_seq' }, { name: 'title_phrase' },
] as const;

export const deviceColumns = [
  { name: 'site' }, { name: 'id' }, { name: 'kind' }, { name: 'room' },
  { name: 'revoked' }, { name: 'online' }, { name: 'last_type' }, { name: 'last_at' },
] as const;

export interface Projection {
  /** Rows in `ticketColumns` order, one per ticket: its latest state in the batch. */
  tickets: unknown[][];
  ratings: { id: string; score: number }[];
  /** Rows in `deviceColumns` order. */
  devices: unknown[][];
}

const ms = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

function parseState(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The title's phrase as stored JSON; one the projection cannot read leaves the plain title alone. */
function titlePhraseOf(value: unknown): string | null {
  const phrase = Phrase.safeParse(value);
  return phrase.success ? JSON.stringify(phrase.data) : null;
}

/** Presence, when a gateway logs it, names itself in the event type. */
function presenceOf(type: string): number | null {
  if (/offline/.test(type)) return 0;
  if (/online/.test(type)) return 1;
  return null;
}

/**
 * The rows a batch changes. Only each entity's latest event counts, so the batch is read
 * from its end and each ticket's state is parsed once, however many steps it took.
 */
export function project(site: string, events: readonly ShippedEvent[]): Projection {
  const tickets = new Map<string, unknown[]>();
  const ratings = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (!event.entity.startsWith('ticket:') || !event.type.startsWith('ticket-')) continue;
    if (event.type === 'ticket-rated') {
      const rating = RatingState.safeParse(parseState(event.state));
      if (rating.success && !ratings.has(rating.data.ticket)) ratings.set(rating.data.ticket, rating.data.score);
      continue;
    }
    if (seen.has(event.entity)) continue;
    seen.add(event.entity);
    const parsed = TicketState.safeParse(parseState(event.state));
    if (!parsed.success) continue;
    const t = parsed.data;
    const verified = t.status === 'verified' ? [...t.history].reverse().find((h) => h.status === 'verified')?.at ?? t.updatedAt : null;
    tickets.set(t.id, [site, t.id, t.kind, t.category, t.priority, t.status, t.room, t.team, t.assignee, t.title,
      ms(t.createdAt), ms(t.updatedAt), ms(t.dueAt), verified === null ? null : ms(verified), t.rejections.length, event.seq, titlePhraseOf(t.titlePhrase)]);
  }
  return { tickets: [...tickets.values()].reverse(), ratings: [...ratings].map(([id, score]) => ({ id, score })), devices: projectDevices(site, events) };
}

/** Devices change rarely; presence, when logged, is carried over from the device's row. */
function projectDevices(site: string, events: readonly ShippedEvent[]): unknown[][] {
  const devices = new Map<string, unknown[]>();
  for (const event of events) {
    if (!event.entity.startsWith('device:')) continue;
    const id = event.entity.slice('device:'.length);
    const parsed = DeviceState.safeParse(parseState(event.state));
    const before = devices.get(id);
    const online = presenceOf(event.type) ?? (before ? (before[5] as number | null) : null);
    if (parsed.success) {
      devices.set(id, [site, id, parsed.data.kind, parsed.data.room, parsed.data.revoked ? 1 : 0, online, event.type, event.at]);
    } else if (before) {
      devices.set(id, [...before.slice(0, 5), online, event.type, event.at]);
    }
  }
  return [...devices.values()];
}
