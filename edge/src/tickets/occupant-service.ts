import type { Attachment, OccupantRoomView, OccupantTicket, Room, Ticket, TrackView } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import { occupantRoomView, occupantTickets } from '../rooms/occupant-room-view.ts';
import type { SiteStore } from '../store/site-store.ts';
import { occupantActor } from './actor.ts';
import type { TicketContext } from './context.ts';
import { decideDispute, disputeRefusal } from './dispute.ts';
import { addOccupantNote, NotOpenToOccupants } from './occupant-note.ts';
import type { TrackLinks } from './track-links.sqlite.ts';
import type { Clock, TicketService } from './ticket-service.ts';

/**
 * What an occupant does without an account: read the room their QR code opens, add to a
 * ticket already open there, say "not resolved" through their tracking link. Each change
 * is one transaction whose audit events name the actor `occupant`.
 */
export class OccupantService {
  constructor(
    private readonly store: SiteStore,
    private readonly tickets: TicketService,
    readonly links: TrackLinks,
    private readonly clock: Clock,
  ) {}

  roomView(roomId: string, qrSecret: string): OccupantRoomView {
    const room = this.#roomByCode(roomId, qrSecret);
    return occupantRoomView(room, this.store.tickets.openInRoom(room.id), this.store.directory.categories());
  }

  /** Refuses before any photo is processed: a wrong code, an unknown ticket, or one the room does not list. */
  assertMayAddNote(roomId: string, qrSecret: string, ticketId: string): void {
    if (!this.#candidate(this.#roomByCode(roomId, qrSecret), ticketId).listed) throw new NotOpenToOccupants(ticketId);
  }

  addNote(roomId: string, qrSecret: string, ticketId: string, text: string, attachments: Attachment[]): OccupantTicket {
    const at = this.clock();
    return this.store.transact(occupantActor.ref, at, (tx) => {
      const { ticket, listed } = this.#candidate(this.#roomByCode(roomId, qrSecret), ticketId);
      tx.apply(addOccupantNote({ ticket, listed: listed !== undefined, text, attachments, at }));
      return listed!;
    });
  }

  /** Refuses before any photo is processed: an unknown link, a category occupants may not dispute, a job not done. */
  assertMayDispute(token: string): void {
    const { ticket } = this.links.find(token);
    const refusal = disputeRefusal(ticket, this.#category(ticket));
    if (refusal) throw refusal;
  }

  dispute(token: string, command: { reason: string; notes?: string }, attachments: Attachment[]): TrackView {
    const at = this.clock();
    return this.store.transact(occupantActor.ref, at, (tx) => {
      const { ticket } = this.links.find(token);
      const room = this.store.rooms.get(ticket.room);
      if (!room) throw new NotFound('room', ticket.room);
      const ctx: TicketContext = {
        at, actor: occupantActor, ticket, room, category: this.#category(ticket),
        team: this.store.directory.team(ticket.team) ?? null, othersHolding: [], target: null,
        nextTicketId: tx.nextTicketId, rejectionId: `R-${ticket.id.slice(2)}-${ticket.rejections.length + 1}`,
      };
      decideDispute(ctx, { ...command, attachments }).changes.forEach(tx.apply);
      return this.links.view(token);
    });
  }

  #roomByCode(roomId: string, qrSecret: string): Room {
    if (!this.store.rooms.get(roomId)) throw new NotFound('room', roomId);
    return this.tickets.assertQrCode(roomId, qrSecret);
  }

  /** The room's open ticket of that id, and how the room lists it to visitors (undefined: it does not). */
  #candidate(room: Room, ticketId: string): { ticket: Ticket; listed: OccupantTicket | undefined } {
    const open = this.store.tickets.openInRoom(room.id);
    const ticket = open.find((t) => t.id === ticketId);
    if (!ticket) throw new NotOpenToOccupants(ticketId);
    return { ticket, listed: occupantTickets(room, open, (id) => this.store.directory.category(id)).find((t) => t.id === ticketId) };
  }

  #category(ticket: Ticket) {
    const category = this.store.directory.category(ticket.category);
    if (!category) throw new NotFound('category', ticket.category);
    return category;
  }
}
