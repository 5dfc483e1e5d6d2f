import { newToken, tokenDigest } from '../auth/token.ts';
import { DomainError, Forbidden, Invalid, NotFound } from '../domain-error.ts';
import type { Attachment, Priority, Room, Ticket, TicketKind, Username } from '../contracts/index.ts';
import { attach } from './attach.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type Actor, occupantActor } from './actor.ts';
import type { TicketCommand } from './commands.ts';
import type { TicketContext, Triggered } from './context.ts';
import { decide } from './decide.ts';
import { closes } from './lifecycle.ts';
import { openTicket } from './open-ticket.ts';

export type Clock = () => string;

export class QrReplaced extends DomainError {
  readonly code = 'QR_REPLACED';
  constructor() {
    super('this code has been replaced, ask reception');
  }
}

export interface ActionResult { ticket: Ticket; room: Room; triggered?: Triggered }

export interface NewTicket {
  kind: Exclude<TicketKind, 'report'>;
  category: string;
  room: string;
  title?: string;
  description: string;
  priority: Priority;
  assignee?: Username;
}

/** Loads what a decision needs, lets the rules decide, and stores the outcome in one transaction. */
export class TicketService {
  readonly #insertTrackToken;

  constructor(private readonly store: SiteStore, private readonly clock: Clock) {
    this.#insertTrackToken = store.db.prepare('INSERT INTO track_tokens (token_hash, ticket) VALUES (?, ?)');
  }

  report(roomId: string, qrSecret: string, body: { category: string; description: string; contact?: string }, photos: Attachment[] = []) {
    const at = this.clock();
    const room = this.assertQrCode(roomId, qrSecret);
    const category = this.#category(body.category);
    const trackToken = newToken(18);
    const ticket = this.store.transact(occupantActor.ref, at, (tx) => {
      const opened = openTicket({
        id: tx.nextTicketId(), at, actor: occupantActor, room, category, kind: 'report', priority: 'normal',
        description: body.description, reporter: { kind: 'occupant', id: null, contact: body.contact ?? null },
        assignee: null, parent: null, attachments: photos,
      });
      opened.changes.forEach(tx.apply);
      this.#insertTrackToken.run(tokenDigest(trackToken), opened.ticket.id);
      return opened.ticket;
    });
    return { ticket, trackToken };
  }

  create(actor: Actor, body: NewTicket): Ticket {
    const at = this.clock();
    const room = this.#room(body.room);
    const category = this.#category(body.category);
    const assignee = body.assignee ? this.#user(body.assignee) : null;
    return this.store.transact(actor.ref, at, (tx) => {
      const opened = openTicket({
        id: tx.nextTicketId(), at, actor, room, category, kind: body.kind, priority: body.priority,
        ...(body.title ? { title: body.title } : {}), description: body.description,
        reporter: { kind: 'user', id: actor.ref, contact: null }, assignee, parent: null,
      });
      opened.changes.forEach(tx.apply);
      return opened.ticket;
    });
  }

  act(actor: Actor, id: string, command: TicketCommand): ActionResult {
    const at = this.clock();
    return this.store.transact(actor.ref, at, (tx) => {
      const ctx = this.#context(actor, id, command, at, tx.nextTicketId);
      const decision = decide(ctx, command);
      decision.changes.forEach(tx.apply);
      return {
        ticket: this.store.tickets.get(id)!,
        room: this.store.rooms.get(ctx.room.id)!,
        ...(decision.triggered ? { triggered: decision.triggered } : {}),
      };
    });
  }

  attach(actor: Actor, id: string, attachments: Attachment[]): Ticket {
    const at = this.clock();
    return this.store.transact(actor.ref, at, (tx) => {
      const ticket = this.store.tickets.get(id);
      if (!ticket) throw new NotFound('ticket', id);
      const change = attach(ticket, attachments, actor, at);
      tx.apply(change);
      return change.state as Ticket;
    });
  }

  /** The room a sticker code opens; checked before any upload is processed. */
  assertQrCode(roomId: string, qrSecret: string): Room {
    if (this.store.rooms.retiredQr(qrSecret) === roomId) throw new QrReplaced();
    const room = this.store.rooms.byQrSecret(qrSecret);
    if (!room || room.id !== roomId) throw new Forbidden('BAD_QR_CODE', 'this code does not belong to this room; ask reception');
    return room;
  }

  #context(actor: Actor, id: string, command: TicketCommand, at: string, nextTicketId: () => string): TicketContext {
    const ticket = this.store.tickets.get(id);
    if (!ticket) throw new NotFound('ticket', id);
    const room = this.#room(ticket.room);
    const named = command.type === 'assign' ? command.assignee ?? null : command.type === 'transfer' ? command.to : null;
    // Only a closing action looks at the room's other tickets; loading them for every command costs.
    const othersHolding = !closes(command.type) ? [] : this.store.tickets.openInRoom(room.id).filter((t) =>
      t.id !== id && (this.store.directory.category(t.category)?.holdsRoom === true || room.ticket === t.id));
    return {
      at, actor, ticket, room, othersHolding,
      category: this.#category(ticket.category),
      team: this.store.directory.team(ticket.team) ?? null,
      target: named ? this.store.directory.user(named)?.user ?? null : null,
      targetTeam: command.type === 'assign' && command.team ? this.store.directory.team(command.team) ?? null : null,
      nextTicketId,
      rejectionId: `R-${ticket.id.slice(2)}-${ticket.rejections.length + 1}`,
    };
  }

  #room(id: string): Room {
    const room = this.store.rooms.get(id);
    if (!room) throw new NotFound('room', id);
    return room;
  }

  #category(id: string) {
    const category = this.store.directory.category(id);
    if (!category) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${id}`, { categories: this.store.directory.categories().map((c) => c.id) });
    return category;
  }

  #user(id: string) {
    const record = this.store.directory.user(id);
    if (!record) throw new Invalid('UNKNOWN_USER', `there is no user ${id}`);
    return record.user;
  }
}
