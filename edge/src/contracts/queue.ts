import { z } from 'zod';
import { CategoryId, IsoTime, RoomId, TeamId, Username } from './ids.ts';
import { Role, Ticket, TicketAction } from './domain.ts';
import { Names } from './phrase.ts';

/** What a worker may do to a ticket from the queue: the ticket actions, plus handing it back to its team's pool. */
export const QueueAction = z.enum([...TicketAction.options, 'release'] as const);
export type QueueAction = z.infer<typeof QueueAction>;

export const QueueQuery = z.strictObject({
  /** At most this many tickets in each list. */
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const QueueItem = z.object({
  ticket: Ticket,
  /** The actions the gateway would accept from the viewer right now. */
  actions: z.array(QueueAction),
  /** Who the ticket may be transferred to: active members of its team, its assignee left out. */
  transferTo: z.array(Username),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** `GET /api/queue`: a worker's own open tickets and their teams' unclaimed ones, most urgent first. */
export const StaffQueue = z.object({
  /** The gateway's time: due times are judged by its clock, not by the phone's. */
  now: IsoTime,
  me: z.object({
    id: Username, name: z.string(), role: Role, teams: z.array(TeamId),
    /** Whether the viewer takes work from a pool (a vendor only works what is given to them). */
    claims: z.boolean(),
    /** Whether the viewer reads and writes staff-only notes. */
    internalNotes: z.boolean(),
    /** Whether the viewer handles a job's materials: asks the store, records use, brings the rest back. */
    materials: z.boolean().optional(),
    /** Whether the viewer adds custom service items to a paid job's order. */
    orderItems: z.boolean().optional(),
  }),
  mine: z.array(QueueItem),
  pool: z.array(QueueItem),
  people: z.array(z.object({ id: Username, name: z.string() })),
  rooms: z.array(z.object({ id: RoomId, name: z.string(), floor: z.number().int(), zone: z.string(), names: z.optional(Names), zoneNames: z.optional(Names) })),
  categories: z.array(z.object({
    id: CategoryId, name: z.string(), names: z.optional(Names),
    /** Each rejection reason in other languages, keyed by the reason as a rejection records it. */
    reasonNames: z.optional(z.record(z.string(), Names)),
  })),
});
export type StaffQueue = z.infer<typeof StaffQueue>;
