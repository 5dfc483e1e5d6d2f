import type { Attachment, Change, Ticket } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { ticketRefusal } from './ticket-refusal.ts';

export const MAX_ATTACHMENTS = 30;

/** The ticket with more attachments, within the limit a ticket holds. */
export function withAttachments(ticket: Ticket, attachments: Attachment[]): Ticket {
  const all = [...ticket.attachments, ...attachments];
  if (all.length > MAX_ATTACHMENTS) {
    throw new Invalid('TOO_MANY_ATTACHMENTS', `a ticket holds at most ${MAX_ATTACHMENTS} attachments`, { max: MAX_ATTACHMENTS });
  }
  return { ...ticket, attachments: all };
}

/** Photos added to a ticket (before a completion or a rejection refers to them). */
export function attach(ticket: Ticket, attachments: Attachment[], actor: Actor, at: string): Extract<Change, { entity: 'ticket' }> {
  const refused = ticketRefusal(actor, ticket, { type: 'attach', attachments });
  if (refused) throw refused;
  return { entity: 'ticket', type: 'ticket-attachments-added', state: { ...withAttachments(ticket, attachments), updatedAt: at } };
}
