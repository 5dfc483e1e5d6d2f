import { z } from 'zod';
import { CategoryId, TicketId } from './ids.ts';
import { Priority, RoomStatus } from './domain.ts';

/**
 * Why a room is not available: each cause is a code with its particulars, so pages say it
 * in the reader's language.
 * - `rejection-policy`: a rejected job whose category's policy set the room's status.
 * - `follow-up-open`: an urgent follow-up that rejection opened, not yet approved.
 * - `job-in-progress` / `job-open`: a job in a category that holds the room while open.
 * - `set-by-hand`: someone set the status by hand; no ticket holds it.
 */
export const HoldCauseCode = z.enum(['rejection-policy', 'follow-up-open', 'job-in-progress', 'job-open', 'set-by-hand']);
export type HoldCauseCode = z.infer<typeof HoldCauseCode>;

export const HoldCause = z.object({
  code: HoldCauseCode,
  ticket: TicketId.nullable(),
  params: z.object({
    category: CategoryId.optional(),
    status: RoomStatus.optional(),
    priority: Priority.optional(),
    parent: TicketId.optional(),
  }),
});
export type HoldCause = z.infer<typeof HoldCause>;

/**
 * What would make the room available again: approving a follow-up, redoing and approving
 * the rejected job, finishing an open job, or setting the room available by hand.
 */
export const HoldClearCode = z.enum(['approve-follow-up', 'redo-job', 'finish-job', 'set-available']);
export type HoldClearCode = z.infer<typeof HoldClearCode>;

export const HoldClear = z.object({ code: HoldClearCode, ticket: TicketId.nullable() });
export type HoldClear = z.infer<typeof HoldClear>;

export const RoomHold = z.object({
  held: z.boolean(),
  status: RoomStatus,
  causes: z.array(HoldCause),
  clears: z.array(HoldClear),
});
export type RoomHold = z.infer<typeof RoomHold>;

/** What the asker may do to the room itself, from the rights table. */
export const RoomAction = z.enum(['set-available', 'set-alternative']);
export type RoomAction = z.infer<typeof RoomAction>;
