import { refusal, type Subject } from '../rights/refusal.ts';
import { plainEnglish, serviceIn, type Phrase } from '../contracts/index.ts';
import type { Attachment, Category, Priority, Reporter, Room, Ticket, TicketId, TicketKind, User } from '../contracts/index.ts';
import { roomOnOpen } from '../rooms/room-status.ts';
import type { Actor } from '../rights/actor.ts';
import type { Change } from '../contracts/index.ts';
import { assertEligible } from './eligibility.ts';
import { dueAt } from './sla.ts';

export interface OpenTicket {
  id: TicketId;
  at: string;
  actor: Actor;
  room: Room;
  category: Category;
  kind: TicketKind;
  priority: Priority;
  title?: string;
  /** The title as a phrase; without one, a ticket with no typed title is called "{category} in {room}". */
  titlePhrase?: Phrase;
  description: string;
  /** The description as a phrase, when the server writes it. */
  descriptionPhrase?: Phrase;
  reporter: Reporter;
  assignee: User | null;
  parent: TicketId | null;
  attachments?: Attachment[];
}

/**
 * A new ticket asked for by someone: an occupant's report, a staff task or inquiry, a
 * panel's or device's request. The rights table decides who may open what, where.
 */
export function openTicket(input: OpenTicket): { ticket: Ticket; changes: Change[] } {
  const { actor, category, room } = input;
  const subject: Subject = { status: 'new', assignee: input.assignee?.id ?? null, team: category.team, room: room.id };
  const refused = refusal(actor, input.kind === 'report' ? 'report' : 'create', subject)
    ?? (input.assignee ? refusal(actor, 'assign', subject) : null);
  if (refused) throw refused;
  if (input.assignee) assertEligible(input.assignee, category.team);
  return newTicket(input);
}

/** The ticket itself, and what it does to its room; a rejection's follow-up is opened here directly, as part of the rejection. */
export function newTicket(input: OpenTicket): { ticket: Ticket; changes: Change[] } {
  const { actor, at, category, room } = input;
  const assignee = input.assignee?.id ?? null;
  const status = assignee ? 'assigned' : 'new';
  const ticket: Ticket = {
    id: input.id,
    kind: input.kind,
    category: category.id,
    priority: input.priority,
    status,
    room: room.id,
    title: input.title ?? plainEnglish(input.titlePhrase ?? serviceIn(category, room)),
    ...(input.titlePhrase || input.title === undefined ? { titlePhrase: input.titlePhrase ?? serviceIn(category, room) } : {}),
    description: input.description,
    ...(input.descriptionPhrase ? { descriptionPhrase: input.descriptionPhrase } : {}),
    reporter: input.reporter,
    assignee,
    team: category.team,
    dueAt: dueAt(category, input.priority, at),
    createdAt: at,
    updatedAt: at,
    parent: input.parent,
    history: [{ at, actor: actor.ref, action: 'open', status, assignee }],
    notes: [],
    attachments: input.attachments ?? [],
    rejections: [],
  };
  const changes: Change[] = [{ entity: 'ticket', type: 'ticket-opened', state: ticket }];
  const roomAfter = roomOnOpen(room, ticket, category.holdsRoom, at);
  if (roomAfter) changes.push({ entity: 'room', type: 'room-status-changed', state: roomAfter });
  return { ticket, changes };
}
