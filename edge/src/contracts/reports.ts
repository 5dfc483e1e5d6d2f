import { z } from 'zod';
import { CategoryId, TeamId } from './ids.ts';
import { AuditQuery, TicketQuery } from './http.ts';

/** A day (`2026-11-01`, the whole day in UTC) or an exact time with its offset. */
const Instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The window the figures cover: tickets reported from `from` until `to` (a day as `to` counts whole); by default the last 30 days. */
export const KpiQuery = z.strictObject({ from: Instant.optional(), to: Instant.optional() });
export type KpiQuery = z.infer<typeof KpiQuery>;

/** Rejections as a percentage of finished services (a job finished, rejected and finished again counts twice). */
const Share = z.object({ completed: z.number().int(), rejected: z.number().int(), percent: z.number() });

/** Tickets with service-level clocks in a group, and how many breached their first-response and resolution targets. */
const Breaches = z.object({ counted: z.number().int(), breached: z.number().int(), response: z.number().int(), resolution: z.number().int(), percent: z.number().nullable() });
export type Breaches = z.infer<typeof Breaches>;

/** A vendor's figures over the work orders sent to them in the window; minutes from the sending. */
export const VendorFigures = z.object({
  vendor: z.string(),
  name: z.string(),
  sent: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  /** Sent → accepted, over the accepted orders. */
  meanMinutesToAccept: z.number().nullable(),
  /** Orders whose work stands reported done (or verified). */
  done: z.number().int(),
  /** Sent → the work last reported done. */
  meanMinutesToDone: z.number().nullable(),
  /** Reports of work done, and how many of them the team sent back. */
  reportedDone: z.number().int(),
  rejected: z.number().int(),
  rejectionPercent: z.number().nullable(),
});
export type VendorFigures = z.infer<typeof VendorFigures>;

export const KpiReport = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  /** Tickets reported in the window. */
  reported: z.number().int(),
  /** Every ticket open right now, by status (not limited to the window). */
  openByStatus: z.record(z.string(), z.number().int()),
  /** Reported → approved, over the window's approved tickets. */
  resolution: z.object({ resolved: z.number().int(), meanMinutes: z.number().nullable() }),
  /** Not approved by the due time (or still open past it); cancelled tickets do not count. */
  sla: z.object({ counted: z.number().int(), breached: z.number().int(), percent: z.number().nullable() }),
  /** Finished services that a supervisor sent back, per category and per team. */
  rejections: z.object({
    byCategory: z.array(Share.extend({ category: CategoryId })),
    byTeam: z.array(Share.extend({ team: TeamId })),
  }),
  /**
   * Breaches of the service-level targets (working hours, waits excluded) of the window's tickets
   * that are not cancelled: overall, per category, per team and per vendor sent a work order.
   */
  breaches: Breaches.extend({
    byCategory: z.array(Breaches.extend({ category: CategoryId })),
    byTeam: z.array(Breaches.extend({ team: TeamId })),
    byVendor: z.array(Breaches.extend({ vendor: z.string() })),
  }),
  /** Per vendor: time to accept, time to done and rejection rate, over the orders sent in the window. */
  vendors: z.array(VendorFigures),
  ratings: z.object({
    count: z.number().int(),
    average: z.number().nullable(),
    /** How many ratings gave 1, 2, 3, 4 and 5 stars, in that order. */
    distribution: z.array(z.number().int()).length(5),
  }),
  /**
   * The paid services' money over the orders placed in the window, as the order records and the
   * payments ledger have it (minor units): kept (taken less refunds; a refund that failed does
   * not count), given back, and still owed on billed work.
   */
  revenue: z.object({ currency: z.string(), amount: z.number().int(), refunded: z.number().int(), unpaid: z.number().int() }),
});
export type KpiReport = z.infer<typeof KpiReport>;

/** The ticket list's filters, for a download of every matching ticket. */
export const TicketExportQuery = TicketQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) });

/** The audit search's filters, for a download of every matching event. */
export const AuditExportQuery = AuditQuery.extend({ limit: z.coerce.number().int().min(1).max(100_000).default(20_000) });
