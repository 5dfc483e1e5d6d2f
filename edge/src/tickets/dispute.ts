import type { Attachment, Category, Ticket } from '../contracts/index.ts';
import type { DomainError } from '../domain-error.ts';
import { withAttachments } from './attach.ts';
import type { Decision, TicketContext } from './context.ts';
import { DisputeNotAllowed, NotDisputableNow } from './errors.ts';
import { decideRejection } from './reject.ts';
import { ticketRefusal } from './ticket-refusal.ts';

export { DisputeNotAllowed, NotDisputableNow };

export interface DisputeCommand {
  reason: string;
  notes?: string;
  /** Photos the occupant sent with it, already re-encoded; they join the ticket and the rejection. */
  attachments: Attachment[];
}

/**
 * Why an occupant may not say "not resolved" now, or null when they may: the category
 * must let occupants dispute, and the job must be done and not yet checked (a supervisor's
 * rejection applies to the same moment, so the same policy can follow).
 */
export function disputeRefusal(ticket: Ticket, category: Category): DomainError | null {
  if (category.occupantsMayDispute !== true) return new DisputeNotAllowed(category);
  if (ticket.status !== 'done') return new NotDisputableNow(ticket.status);
  return null;
}

/** An occupant's "not resolved" is a rejection under the category's policy: work sent back or escalated, follow-up, room status, teams told. */
export function decideDispute(ctx: TicketContext, command: DisputeCommand): Decision {
  const refused = ticketRefusal(ctx.actor, ctx.ticket, { type: 'dispute', ...command }, { category: ctx.category });
  if (refused) throw refused;
  const ticket = withAttachments(ctx.ticket, command.attachments);
  return decideRejection({ ...ctx, ticket }, {
    reason: command.reason,
    ...(command.notes ? { notes: command.notes } : {}),
    photos: command.attachments.map((a) => a.id),
  });
}
