import * as z from 'zod/mini';
import { ErrorCode } from './errors.ts';
import { Names, Phrase } from './phrase.ts';
import { idPatterns, roomStatuses, ticketStatuses, visibleTrim } from './vocabulary.ts';

/**
 * What the occupant's report page sends and receives, in zod's light build (zod/mini): that
 * page is opened from a QR code on a phone's weak link, and the full build would more than
 * triple its script. The gateway answers with these same schemas.
 */
const Slug = z.string().check(z.regex(idPatterns.slug));
const TicketId = z.string().check(z.regex(idPatterns.ticket));
/** Text as the full contracts' `Text` (./text.ts) keeps it: trimmed of invisible characters, at least one visible. */
const Text = (max: number) => z.string().check(z.overwrite(visibleTrim), z.minLength(1), z.maxLength(max));

/** A refusal: a code from the error catalogue (or fastify's own), a message, details. */
export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.optional(z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An open ticket as an occupant holding the room's QR code sees it: no notes, no names, no staff-typed title. */
export const OccupantTicket = z.object({ id: TicketId, category: Slug, title: z.string(), titlePhrase: z.optional(Phrase), status: z.enum(ticketStatuses), openedAt: z.string() });
export type OccupantTicket = z.infer<typeof OccupantTicket>;

/** The room page's first answer: the room's public status, the tickets an occupant may add to, the categories to report in. */
export const OccupantRoomView = z.object({
  id: Slug,
  name: Text(80),
  floor: z.int(),
  zone: Text(40),
  status: z.enum(roomStatuses),
  since: z.iso.datetime({ offset: true }),
  reason: z.string().check(z.maxLength(500)),
  reasonPhrase: z.optional(Phrase),
  names: z.optional(Names),
  zoneNames: z.optional(Names),
  openTickets: z.array(OccupantTicket),
  categories: z.array(z.object({ id: Slug, name: z.string(), names: z.optional(Names) })),
  /** Present when the browser also carries a staff or panel session: the page may then load what that session may do here. */
  signedIn: z.optional(z.boolean()),
});
export type OccupantRoomView = z.infer<typeof OccupantRoomView>;

export const OccupantNoteAdded = z.object({ ticket: OccupantTicket });

/** Words per language as staff wrote them (announcement.ts's `PublicAnnouncement`, in the light build): shown as text. */
const Words = z.partialRecord(z.enum(['en', 'zh', 'nb', 'nl']), z.string());
/** The announcements live in a room now, as its QR page and a tracking link read them (`PublicAnnouncements`). */
export const OccupantAnnouncements = z.object({
  announcements: z.array(z.object({ id: z.string(), title: Words, text: Words, startsAt: z.string(), until: z.string() })),
});
export type OccupantAnnouncements = z.infer<typeof OccupantAnnouncements>;

/**
 * What the report page relies on in the answer to a report (`ReportCreated`): the new
 * ticket's id and the tracking link's token. The rest of the answer passes through.
 */
export const ReportReceipt = z.looseObject({ ticket: z.looseObject({ id: TicketId }), trackToken: z.string().check(z.regex(idPatterns.token)) });

/**
 * What the report page reads of the room's paid services (`ServiceList`, from
 * `GET /api/services?k=`) to offer them beside the free report; the booking itself loads
 * its own script with the full contracts.
 */
export const OccupantServices = z.looseObject({
  services: z.array(z.looseObject({ id: Slug, name: z.string(), names: z.optional(Names), description: z.string() })),
});
export type OccupantServices = z.infer<typeof OccupantServices>;

/**
 * The booking form the report page loads when an occupant picks a paid service reads the
 * catalogue (`ServiceList`), the slots (`SlotList`) and the answer to a booking
 * (`OrderPlaced`) with these light mirrors: the full schemas would pull zod's full build into
 * the page's shared script. Each keeps what the form relies on; the rest passes through.
 */
const Minor = z.int().check(z.minimum(0));
const Iso = z.iso.datetime({ offset: true });
export const OccupantPriceRule = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('fixed'), amount: Minor }),
  z.looseObject({ kind: z.literal('per-unit'), unitPrice: Minor, unit: z.string(), maxQuantity: z.int() }),
  z.looseObject({ kind: z.literal('consumables'), callOut: Minor, markupBasisPoints: z.int() }),
]);
export type OccupantPriceRule = z.infer<typeof OccupantPriceRule>;
export const OccupantPaymentMode = z.enum(['at-order', 'after-service', 'company']);
export const OccupantService = z.looseObject({
  id: Slug, name: z.string(), names: z.optional(Names), description: z.string(), price: OccupantPriceRule, paymentMode: OccupantPaymentMode, currency: z.string(),
});
export type OccupantService = z.infer<typeof OccupantService>;
export const OccupantServiceList = z.looseObject({ services: z.array(OccupantService) });
export const OccupantSlotList = z.looseObject({
  timeZone: z.string(),
  slots: z.array(z.looseObject({ start: Iso, end: Iso, capacity: z.int(), free: z.int(), open: z.boolean() })),
});
export type OccupantSlotList = z.infer<typeof OccupantSlotList>;
export const OccupantOrderPlaced = z.looseObject({
  order: z.looseObject({
    id: z.string(), status: z.string(), serviceName: z.string(), quantity: z.int(), total: Minor, currency: z.string(),
    slot: z.looseObject({ start: Iso, end: Iso }),
  }),
  trackToken: z.string().check(z.regex(idPatterns.token)),
  payment: z.nullable(z.looseObject({ amount: Minor, currency: z.string(), url: z.nullable(z.string()), holdUntil: Iso })),
});
export type OccupantOrderPlaced = z.infer<typeof OccupantOrderPlaced>;

export { ErrorCode, visibleTrim };
export { Names, Phrase } from './phrase.ts';
