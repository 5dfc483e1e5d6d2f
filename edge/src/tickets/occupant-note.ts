import type { Attachment, Ticket } from '../contracts/index.ts';
import { DomainError, Invalid } from '../domain-error.ts';
import { occupantActor } from './actor.ts';
import { MAX_ATTACHMENTS } from './attach.ts';
import { authorize } from './authorize.ts';
import type { Change } from './change.ts';

export class NotOpenToOccupants extends DomainError {
  readonly code = 'NOT_OPEN_TO_OCCUPANTS';
  constructor(ticket: string) {
    super(`ticket ${ticket} is not one this room's visitors can add to; send a new report instead`, { ticket });
  }
}

export interface OccupantNote {
  ticket: Ticket;
  /** Whether the room lists this ticket to its visitors (see occupantTickets). */
  listed: boolean;
  text: string;
  attachments: Attachment[];
  at: string;
}

/**
 * An occupant adds what they see to a ticket already open for the room, instead of filing
 * a duplicate: a public note, with an optional photo. Whoever may report may do this.
 */
export function addOccupantNote({ ticket, listed, text, attachments, at }: OccupantNote): Change {
  authorize(occupantActor, 'report', ticket);
  if (!listed) throw new NotOpenToOccupants(ticket.id);
  const all = [...ticket.attachments, ...attachments];
  if (all.length > MAX_ATTACHMENTS) {
    throw new Invalid('TOO_MANY_ATTACHMENTS', `a ticket holds at most ${MAX_ATTACHMENTS} attachments`, { max: MAX_ATTACHMENTS });
  }
  const note = { at, by: occupantActor.ref, text, internal: false };
  return { entity: 'ticket', type: 'ticket-commented', state: { ...ticket, updatedAt: at, notes: [...ticket.notes, note], attachments: all } };
}
