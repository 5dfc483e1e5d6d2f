import { z } from 'zod';
import { IsoTime } from './ids.ts';

/**
 * Why a ticket waits: for the tenant (an answer, access), for a vendor (a part, a visit of
 * theirs), or for a visit booked for later. The site says which of these pause the clock.
 */
export const WaitReason = z.enum(['tenant', 'vendor', 'visit']);
export type WaitReason = z.infer<typeof WaitReason>;

export const Waiting = z.object({ reason: WaitReason, since: IsoTime });
export type Waiting = z.infer<typeof Waiting>;

/** A ticket starts or stops waiting; `null` resumes the work. */
export const WaitingBody = z.strictObject({ waiting: WaitReason.nullable(), note: z.string().trim().min(1).max(500).optional() });

/**
 * One service-level clock of a ticket. It counts working time while the ticket is worked
 * (not waiting on a pausing reason, not finished). `dueAt` is when it runs out if nothing
 * pauses it, null while it is paused or stopped; `leftMs` the working time left at the
 * moment of reading (negative once breached). `metAt`: when it stopped in time or late.
 */
export const SlaClock = z.object({
  targetMinutes: z.number().int().positive(),
  state: z.enum(['running', 'paused', 'stopped']),
  dueAt: IsoTime.nullable(),
  leftMs: z.number().int(),
  metAt: IsoTime.nullable(),
  breached: z.boolean(),
  breachedAt: IsoTime.nullable(),
});
export type SlaClock = z.infer<typeof SlaClock>;

/** A ticket's service levels as read now: first response and resolution, and the working time it spent waiting. */
export const TicketSla = z.object({
  responseDueAt: IsoTime.nullable(),
  resolutionDueAt: IsoTime.nullable(),
  /** Working time the ticket spent waiting on a pausing reason; it counts towards neither target. */
  pausedMs: z.number().int().nonnegative(),
  paused: z.boolean(),
  breached: z.boolean(),
  response: SlaClock,
  resolution: SlaClock,
});
export type TicketSla = z.infer<typeof TicketSla>;
