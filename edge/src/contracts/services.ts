import { z } from 'zod';
import { CategoryId, IsoTime, TeamId } from './ids.ts';
import { Names } from './phrase.ts';
import { CurrencyCode as Currency } from './payments.ts';
import { idPatterns } from './vocabulary.ts';

/** An amount in integer minor units of the site's currency (fen, øre, cent). */
export const Minor = z.number().int().min(0).max(1_000_000_000);
export const ServiceId = z.string().regex(idPatterns.slug, 'a service id is lowercase letters, digits, - or _ (at most 48)');
export type ServiceId = z.infer<typeof ServiceId>;

/**
 * How a service is priced. `fixed`: one amount per visit. `per-unit`: a price per unit
 * (per unit, per m², per air conditioner) times the quantity booked. `consumables`: a call-out
 * fee, plus the consumables used on the job at their cost plus a markup (basis points).
 */
export const PriceRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), amount: Minor }),
  z.strictObject({ kind: z.literal('per-unit'), unitPrice: Minor, unit: z.string().trim().min(1).max(20), maxQuantity: z.number().int().min(1).max(1000).default(20) }),
  z.strictObject({ kind: z.literal('consumables'), callOut: Minor, markupBasisPoints: z.number().int().min(0).max(100_000) }),
]);
export type PriceRule = z.infer<typeof PriceRule>;

/** Paid before dispatch (下单即收费), billed when done (服务后付款), or charged to the tenant's company (公司代付). */
export const PaymentMode = z.enum(['at-order', 'after-service', 'company']);
export type PaymentMode = z.infer<typeof PaymentMode>;

export const ServiceFields = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** The name in other languages. */
  names: z.optional(Names),
  description: z.string().trim().max(500).default(''),
  /** The ticket category a booking opens its job in; its team does the work. */
  category: CategoryId,
  durationMinutes: z.number().int().min(5).max(24 * 60),
  price: PriceRule,
  paymentMode: PaymentMode,
  active: z.boolean().default(true),
});
export type ServiceFields = z.infer<typeof ServiceFields>;

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM');
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** Bookable visits on some weekdays (1 Monday … 7 Sunday), starting at the times given, each taking `capacity` bookings. */
export const SlotRule = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  times: z.array(LocalTime).min(1).max(48),
  capacity: z.number().int().min(1).max(1000),
});
export type SlotRule = z.infer<typeof SlotRule>;

/** When a service can be booked (可预约时段): weekly rules in a time zone, and days closed (holidays). */
export const SlotSchedule = z.strictObject({
  timeZone: z.string().min(1).max(64),
  rules: z.array(SlotRule).max(20),
  closed: z.array(z.strictObject({ date: LocalDate, reason: z.string().trim().max(80).default('') })).max(366).default([]),
  /** How long before a visit booking closes. */
  leadMinutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
});
export type SlotSchedule = z.infer<typeof SlotSchedule>;

/** A paid service on the site's catalogue (收费设置). */
export const Service = ServiceFields.extend({
  id: ServiceId,
  /** The team that does it: the category's. */
  team: TeamId,
  currency: Currency,
  /** When it can be booked; none yet: not bookable. */
  schedule: SlotSchedule.nullable(),
  updatedAt: IsoTime,
});
export type Service = z.infer<typeof Service>;
export const ServiceBody = ServiceFields.extend({ id: ServiceId });
export const ServiceParams = z.strictObject({ id: ServiceId });

/**
 * One bookable visit: its start (the slot's id in a booking), end and how many places are left;
 * `open` says whether it can still be booked (its start is further away than the lead time).
 */
export const Slot = z.object({ start: IsoTime, end: IsoTime, capacity: z.number().int(), booked: z.number().int(), free: z.number().int(), open: z.boolean() });
export type Slot = z.infer<typeof Slot>;

export const SlotsQuery = z.strictObject({
  from: IsoTime,
  to: IsoTime,
  /** A room's sticker code: occupants read slots from the room's QR page. */
  k: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
});
export const SlotList = z.object({ service: ServiceId, timeZone: z.string(), slots: z.array(Slot) });
export type SlotList = z.infer<typeof SlotList>;

export const ServicesQuery = z.strictObject({
  k: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'k is the code from the room sticker').optional(),
  room: z.string().regex(idPatterns.slug).optional(),
});
export const ServiceList = z.object({ currency: Currency, services: z.array(Service) });
export type ServiceList = z.infer<typeof ServiceList>;

/** The site's one currency for paid services; it can change only while no order exists. */
export const ServiceSettings = z.strictObject({ currency: Currency });
export type ServiceSettings = z.infer<typeof ServiceSettings>;
