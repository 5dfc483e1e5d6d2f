import { Forbidden } from '../domain-error.ts';
import { may } from '../rights/rights.ts';
import type { Attachment, Category, Priority, Reporter, Room, Ticket, TicketId, TicketKind, User } from '../contracts/index.ts';
import { roomOnOpen } from '../rooms/room-status.ts';
import type { Actor } from './actor.ts';
import type { Change } from './change.ts';
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
  description: string;
  reporter: Reporter;
  assignee: User | null;
  parent: TicketId | null;
  attachments?: Attachment[];
}

/** A new ticket: an occupant's report, a staff task or inquiry, or a rejection's follow-up. */
export function openTicket(input: OpenTicket): { ticket: Ticket; changes: Change[] } {
  const { actor, at, category, room } = input;
  const right = input.kind === 'report' ? 'report' : 'create';
  if (!may(actor.role, right)) {
    throw new Forbidden('NOT_PERMITTED', `a ${actor.role} may not ${right} tickets`, { role: actor.role, right });
  }
  if (input.assignee) {
    if (!may(actor.role, 'assign')) {
      throw new Forbidden('NOT_PERMITTED', `a ${actor.role} may not assign tickets`, { role: actor.role, right: 'assign' });
    }
    assertEligible(input.assignee, category.team);
  }
  const assignee = input.assignee?.id ?? null;
  const status = assignee ? 'assigned' : 'new';
  const ticket: Ticket = {
    id: input.id,
    kind: input.kind,
    category: category.id,
    priority: input.priority,
    status,
    room: room.id,
    title: input.title ?? `${category.name} in ${room.name}`,
    description: input.description,
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
