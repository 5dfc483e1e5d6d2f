import { z } from 'zod';
import { IsoTime, TeamId, TicketId, Username } from './ids.ts';

// The priorities as `domain.ts` names them; spelled here too, as the category there refers to this file.
const Level = z.enum(['low', 'normal', 'high', 'urgent']);

/** Which of a ticket's two clocks ran out: the first response or the resolution. */
export const BreachKind = z.enum(['response', 'resolution']);
export type BreachKind = z.infer<typeof BreachKind>;

/**
 * What a category does when one of its tickets breaches a clock, each once per breach: tell the
 * person holding the ticket and the team's supervisor, raise the priority one step, hand the
 * ticket to the supervisor. A category without settings only tells.
 */
export const EscalationSettings = z.strictObject({
  notify: z.boolean(),
  raisePriority: z.boolean(),
  reassign: z.boolean(),
});
export type EscalationSettings = z.infer<typeof EscalationSettings>;
export const defaultEscalation: EscalationSettings = { notify: true, raisePriority: false, reassign: false };

/** One breach escalated: when the clock ran out, when the escalation went out, and what it did. */
export const SlaEscalation = z.object({
  ticket: TicketId,
  breach: BreachKind,
  breachedAt: IsoTime,
  at: IsoTime,
  /** Escalated outside working hours because the ticket is urgent. */
  urgent: z.boolean(),
  /** The people told: the ticket's holder and the team's supervisor. */
  notified: z.array(Username),
  team: TeamId,
  priority: z.object({ from: Level, to: Level }).nullable(),
  reassignedTo: Username.nullable(),
});
export type SlaEscalation = z.infer<typeof SlaEscalation>;
