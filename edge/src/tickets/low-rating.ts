import type { Category, Ticket } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import type { Decision, TicketContext } from './context.ts';
import { decideRejection } from './reject.ts';

/** A rating at or below this reopens the job; a category may set its own (0: never). */
export const DEFAULT_RATING_THRESHOLD = 2;

export const ratingThresholdOf = (category: Category) => category.ratingThreshold ?? DEFAULT_RATING_THRESHOLD;

/** Whether a score reopens a job of the category. */
export const reopens = (category: Category, score: number) => score <= ratingThresholdOf(category);

/** How the low rating reads as the rejection's reason: the rater's own words, else the score. */
export const lowRatingReason = (score: number, comment: string | undefined) => comment?.trim() || `Rated ${score} of 5`;

/**
 * A low rating is a rejection by the person who rated, exactly as a supervisor's would be: the
 * category's policy sends the work back or up, may open a follow-up, set the room's status and
 * tell teams. The rater's comment is the reason.
 */
export function decideLowRating(ctx: TicketContext, score: number, comment: string | undefined): Decision {
  return decideRejection(ctx, { reason: lowRatingReason(score, comment), asGiven: true });
}

/** Who rejects when a ticket's reporter rates it low: the tenant it was reported by, else an occupant. */
export function raterOf(ticket: Ticket, tenant: (person: string) => Actor | null, occupant: Actor): Actor {
  return ticket.reporter.kind === 'person' && ticket.reporter.id ? tenant(ticket.reporter.id) ?? occupant : occupant;
}
