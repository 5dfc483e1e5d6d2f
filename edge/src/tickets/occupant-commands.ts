import type { Change, OccupantCommand, OccupantTicket, Ticket } from '../contracts/index.ts';
import type { CommandModule, CommandInput } from '../commands/command-module.ts';
import { occupantActor, tenantActor } from '../rights/actor.ts';
import { decideLowRating, raterOf, reopens } from './low-rating.ts';
import { occupantTickets } from '../rooms/occupant-room-view.ts';
import type { SiteStore } from '../store/site-store.ts';
import { decideDispute } from './dispute.ts';
import { addOccupantNote } from './occupant-note.ts';
import { reads } from './site-reads.ts';
import { ticketContext } from './ticket-commands.ts';
import { ticketRefusal } from './ticket-refusal.ts';
import { NotOpenToOccupants } from './errors.ts';

/** The room's open ticket of that id, and whether the room lists it to its visitors. */
function noteTarget(store: SiteStore, input: CommandInput<OccupantCommand>): { ticket: Ticket; listed: OccupantTicket | undefined } {
  const room = reads.roomByCode(store, reads.key(input.target, 'room'), (input.target as { qr?: string }).qr ?? '');
  const id = (input.command as { ticket: string }).ticket;
  const open = store.tickets.openInRoom(room.id);
  const ticket = open.find((t) => t.id === id);
  if (!ticket) throw new NotOpenToOccupants(id);
  return { ticket, listed: occupantTickets(room, open, (c) => store.directory.category(c)).find((t) => t.id === id) };
}

/**
 * What an occupant does without an account: add to a ticket the room lists, say "not
 * resolved" or rate through the tracking link. Their events name the actor `occupant`.
 */
export const occupantCommands: CommandModule<OccupantCommand> = {
  types: ['add-occupant-note', 'dispute', 'rate'],

  run(store, input) {
    const { command, at } = input;
    switch (command.type) {
      case 'add-occupant-note': {
        const { ticket, listed } = noteTarget(store, input);
        const change = addOccupantNote({ ticket, listed: listed !== undefined, text: command.text, attachments: command.attachments, at });
        return { changes: [change], result: { ticket: listed } };
      }
      case 'dispute': {
        const { ticket } = reads.tracked(store, reads.key(input.target, 'track'));
        const decision = decideDispute(ticketContext(store, occupantActor, ticket, command, input), command);
        const after = decision.changes.find((c): c is Extract<Change, { entity: 'ticket' }> => c.entity === 'ticket' && c.state.id === ticket.id);
        return { changes: decision.changes, result: { ticket: after?.state ?? ticket } };
      }
      case 'rate': {
        const { ticket, digest, rated } = reads.tracked(store, reads.key(input.target, 'track'));
        const refused = ticketRefusal(occupantActor, ticket, command, { alreadyRated: rated });
        if (refused) throw refused;
        const state = { ticket: ticket.id, room: ticket.room, score: command.score, comment: command.comment ?? null };
        const rating: Change = { entity: 'rating', type: 'ticket-rated', trackDigest: digest, state };
        const category = reads.category(store, ticket.category);
        if (!reopens(category, command.score)) return { changes: [rating], result: { ticket } };
        const person = (id: string) => { const p = store.entries.persons.get(id); return p ? tenantActor(p) : null; };
        const rater = raterOf(ticket, person, occupantActor);
        const decision = decideLowRating(ticketContext(store, rater, ticket, { type: 'reject' }, input), command.score, command.comment);
        const reopened = decision.changes.find((c): c is Extract<Change, { entity: 'ticket' }> => c.entity === 'ticket' && c.state.id === ticket.id);
        return { changes: [rating, ...decision.changes], result: { ticket: reopened?.state ?? ticket } };
      }
    }
  },

  check(store, input) {
    const { command } = input;
    if (command.type === 'add-occupant-note') {
      const { ticket, listed } = noteTarget(store, input);
      return ticketRefusal(occupantActor, ticket, command, { listed: listed !== undefined });
    }
    const { ticket, rated } = reads.tracked(store, reads.key(input.target, 'track'));
    return ticketRefusal(occupantActor, ticket, command, { category: reads.category(store, ticket.category), alreadyRated: rated });
  },
};
