import type { Attachment } from '../contracts/index.ts';
import { withAttachments } from './attach.ts';
import type { Decision, TicketContext } from './context.ts';
import { DisputeNotAllowed, NotDisputableNow } from './errors.ts';
import { disputeRefusal } from './dispute-refusal.ts';
import { decideRejection } from './reject.ts';
import { ticketRefusal } from './ticket-refusal.ts';

export { DisputeNotAllowed, disputeRefusal, NotDisputableNow };

export interface DisputeCommand {
  reason: string;
  notes?: string;
  /** Photos the occupant sent with it, already re-encoded; they join the ticket and the rejection. */
  attachments: Attachment[];
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
