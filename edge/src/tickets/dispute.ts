import type { Attachment, Category, Ticket } from '../contracts/index.ts';
import { DomainError, Invalid } from '../domain-error.ts';
import { MAX_ATTACHMENTS } from './attach.ts';
import { authorize } from './authorize.ts';
import type { Decision, TicketContext } from './context.ts';
import { decideRejection } from './reject.ts';

export class DisputeNotAllowed extends DomainError {
  readonly code = 'DISPUTE_NOT_ALLOWED';
  constructor(category: Category) {
    super(`staff check ${category.name} work themselves; to say it is not resolved, please ask reception`, { category: category.id });
  }
}

export class NotDisputableNow extends DomainError {
  readonly code = 'NOT_DISPUTABLE_NOW';
  constructor(status: string) {
    super(`a job can be marked not resolved once it is done and before it is checked (it is ${status})`, { status });
  }
}

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
  authorize(ctx.actor, 'dispute', ctx.ticket);
  const refusal = disputeRefusal(ctx.ticket, ctx.category);
  if (refusal) throw refusal;
  const attachments = [...ctx.ticket.attachments, ...command.attachments];
  if (attachments.length > MAX_ATTACHMENTS) {
    throw new Invalid('TOO_MANY_ATTACHMENTS', `a ticket holds at most ${MAX_ATTACHMENTS} attachments`, { max: MAX_ATTACHMENTS });
  }
  return decideRejection({ ...ctx, ticket: { ...ctx.ticket, attachments } }, {
    reason: command.reason,
    ...(command.notes ? { notes: command.notes } : {}),
    photos: command.attachments.map((a) => a.id),
  });
}
