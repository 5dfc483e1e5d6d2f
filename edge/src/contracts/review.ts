import * as z from 'zod/mini';
import { Names, Phrase } from './phrase.ts';
import { idPatterns, roomStatuses, ticketStatuses } from './vocabulary.ts';

/**
 * Reviewing a finished service (door panel, and the room's QR page for a signed-in
 * supervisor), in zod's light build like the occupant contracts: the QR page loads this
 * part only for a session, and the full build would drag all of zod into the occupant's
 * first script. The shapes are loose: the gateway sends whole tickets, a page reads these fields.
 */
const TicketId = z.string().check(z.regex(idPatterns.ticket));
const Slug = z.string().check(z.regex(idPatterns.slug));

export const ReviewTicket = z.looseObject({
  id: TicketId,
  category: Slug,
  status: z.enum(ticketStatuses),
  room: Slug,
  title: z.string(),
  titlePhrase: z.optional(Phrase),
  description: z.string(),
  assignee: z.nullable(z.string()),
  history: z.array(z.looseObject({ at: z.string(), action: z.string(), note: z.optional(z.string()) })),
  attachments: z.array(z.looseObject({ id: z.string(), at: z.string(), by: z.string() })),
  rejections: z.array(z.looseObject({ photos: z.array(z.string()) })),
});
export type ReviewTicket = z.infer<typeof ReviewTicket>;

/** A verdict the viewer may give. */
export const Verdict = z.enum(['approve', 'reject']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * `GET /api/rooms/{room}/finished`: the room's finished services the viewer may approve or
 * reject, each as they may read it, with the verdicts the gateway would accept from them.
 */
export const FinishedServices = z.object({
  room: z.object({ id: Slug, name: z.string() }),
  services: z.array(z.object({ ticket: ReviewTicket, actions: z.array(Verdict) })),
});
export type FinishedServices = z.infer<typeof FinishedServices>;

/** A category as a reject form needs it: its reasons, and whether another may be typed. */
export const ReviewCategory = z.looseObject({
  id: Slug, name: z.string(), names: z.optional(Names), rejectionReasons: z.array(z.string()),
  reasonNames: z.optional(z.record(z.string(), Names)), allowFreeTextReason: z.boolean(),
});
export type ReviewCategory = z.infer<typeof ReviewCategory>;
export const ReviewCategories = z.looseObject({ categories: z.array(ReviewCategory) });

/** What an approve or reject answered, as far as a page says what it set off. */
export const VerdictResult = z.looseObject({
  ticket: ReviewTicket,
  room: z.looseObject({ id: Slug, status: z.enum(roomStatuses) }),
  triggered: z.optional(z.looseObject({
    route: z.nullable(z.enum(['returned', 'escalated'])),
    assignee: z.nullable(z.string()),
    followUp: z.nullable(z.string()),
    roomStatus: z.nullable(z.enum(roomStatuses)),
    notified: z.array(z.string()),
  })),
});
export type VerdictResult = z.infer<typeof VerdictResult>;

/** The photos an upload stored, by id. */
export const StoredPhotos = z.looseObject({ attachments: z.array(z.looseObject({ id: z.string() })) });
