import type { Attachment, Change, Ticket } from '../contracts/index.ts';
import { occupantActor } from '../rights/actor.ts';
import { withAttachments } from './attach.ts';
import { NotOpenToOccupants } from './errors.ts';
import { ticketRefusal } from './ticket-refusal.ts';

export { NotOpenToOccupants };

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
export function addOccupantNote({ ticket, listed, text, attachments, at }: OccupantNote): Extract<Change, { entity: 'ticket' }> {
  const refused = ticketRefusal(occupantActor, ticket, { type: 'add-occupant-note', ticket: ticket.id, text, attachments }, { listed });
  if (refused) throw refused;
  const note = { at, by: occupantActor.ref, text, internal: false };
  return { entity: 'ticket', type: 'ticket-commented', state: { ...withAttachments(ticket, attachments), updatedAt: at, notes: [...ticket.notes, note] } };
}
