import type { Attachment, Ticket } from '../contracts/index.ts';
import type { Actor } from './actor.ts';
import { authorize } from './authorize.ts';
import type { Change } from './change.ts';
import { Invalid } from '../domain-error.ts';

export const MAX_ATTACHMENTS = 30;

/** Photos added to a ticket (before a completion or a rejection refers to them). Whoever may comment may attach. */
export function attach(ticket: Ticket, attachments: Attachment[], actor: Actor, at: string): Change {
  authorize(actor, 'comment', ticket);
  const all = [...ticket.attachments, ...attachments];
  if (all.length > MAX_ATTACHMENTS) {
    throw new Invalid('TOO_MANY_ATTACHMENTS', `a ticket holds at most ${MAX_ATTACHMENTS} attachments`, { max: MAX_ATTACHMENTS });
  }
  return { entity: 'ticket', type: 'ticket-attachments-added', state: { ...ticket, attachments: all, updatedAt: at } };
}
