import type {
  Attachment, Category, RejectionPolicy, Role, Room, Team, TeamNotification, Ticket, TicketId, TicketStatus, User,
} from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import type { Decision, TicketContext } from '../tickets/context.ts';

/** Fixed clock readings; tests never read the real clock. */
export const T0 = '2025-03-03T09:00:00.000Z';
export const T1 = '2025-03-03T10:00:00.000Z';
export const T2 = '2025-03-03T11:00:00.000Z';

export const SLA = { low: 1440, normal: 240, high: 120, urgent: 30 } as const;

export function aRoom(overrides: Partial<Room> = {}): Room {
  return {
    id: 'r101', name: 'Room 101', floor: 1, zone: 'east',
    status: 'available', since: T0, reason: '', ticket: null, ...overrides,
  };
}

function category(id: string, team: string, holdsRoom: boolean, reasons: string[], rejection: RejectionPolicy): Category {
  return {
    id, name: id[0]!.toUpperCase() + id.slice(1), team, holdsRoom, slaMinutes: { ...SLA },
    rejectionReasons: reasons, allowFreeTextReason: false, rejection,
  };
}

/** Returned to the same cleaner, urgent follow-up, room waits for recovery. */
export function cleaning(overrides: Partial<Category> = {}): Category {
  return {
    ...category('cleaning', 'housekeeping', true, ['Not clean', 'Supplies missing'],
      { route: 'return', followUp: true, roomStatus: 'pending_recovery', notify: [] }),
    ...overrides,
  };
}

/** Escalated to the supervisor; no follow-up and the room is untouched. */
export function av(overrides: Partial<Category> = {}): Category {
  return {
    ...category('av', 'av', false, ['Projector broken', 'No sound'],
      { route: 'escalate', followUp: false, roomStatus: null, notify: [] }),
    ...overrides,
  };
}

/** Escalated, urgent follow-up, room closed, facility and security told. */
export function maintenance(overrides: Partial<Category> = {}): Category {
  return {
    ...category('maintenance', 'maintenance', true, ['Leak not fixed', 'Unsafe'],
      { route: 'escalate', followUp: true, roomStatus: 'do_not_use', notify: ['facility', 'security'] }),
    ...overrides,
  };
}

export const supervisorOf: Record<string, string> = { housekeeping: 'sue', av: 'vic', maintenance: 'max' };

export function aTeam(id: string, supervisor: string | null = supervisorOf[id] ?? null): Team {
  return { id, name: `Team ${id}`, supervisor };
}

export function aUser(id: string, role: Role, teams: string[] = [], active = true): User {
  return { id, name: id.toUpperCase(), role, teams, active };
}

/** One user of each role; staff `ana` and `ben` clean, `carl` does AV. */
export const users = {
  ana: aUser('ana', 'staff', ['housekeeping']),
  ben: aUser('ben', 'staff', ['housekeeping']),
  carl: aUser('carl', 'staff', ['av']),
  sue: aUser('sue', 'supervisor', ['housekeeping']),
  vic: aUser('vic', 'supervisor', ['av']),
  max: aUser('max', 'supervisor', ['maintenance']),
  fred: aUser('fred', 'floor_manager'),
  rita: aUser('rita', 'reception'),
  hank: aUser('hank', 'facility_head'),
  ada: aUser('ada', 'admin'),
  vera: aUser('vera', 'vendor'),
  olly: aUser('olly', 'occupant'),
} satisfies Record<string, User>;

export function actorFor(user: User): Actor {
  return { ref: `user:${user.id}`, user: user.id, role: user.role, teams: [...user.teams], room: null };
}

export function panelActor(room: string): Actor {
  return { ref: `panel:${room}`, user: null, role: 'panel', teams: [], room };
}

export function anAttachment(id: string): Attachment {
  return { id, name: `${id}.jpg`, type: 'image/jpeg', size: 1024, at: T0, by: 'user:ana' };
}

/** A ticket in the given status; anything past `new` is assigned to `ana` unless told otherwise. */
export function aTicket(status: TicketStatus = 'new', overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 'T-1', kind: 'report', category: 'cleaning', priority: 'normal', status, room: 'r101',
    title: 'Cleaning in Room 101', description: 'Spilled coffee',
    reporter: { kind: 'occupant', id: null, contact: null },
    assignee: status === 'new' ? null : 'ana', team: 'housekeeping',
    dueAt: T1, createdAt: T0, updatedAt: T0, parent: null,
    history: [], notes: [], attachments: [], rejections: [], ...overrides,
  };
}

/** Hands out T-100, T-101, … */
export function ticketIds(first = 100): () => TicketId {
  let next = first;
  return () => `T-${next++}`;
}

export function aContext(overrides: Partial<TicketContext> = {}): TicketContext {
  const ticket = overrides.ticket ?? aTicket();
  const category = overrides.category ?? cleaning();
  return {
    at: T1, actor: actorFor(users.sue), ticket, room: aRoom({ id: ticket.room }), category,
    team: aTeam(category.team), othersHolding: [], target: null,
    nextTicketId: ticketIds(), rejectionId: 'rej-1', ...overrides,
  };
}

export function ticketOf(decision: Decision, type?: string): Ticket {
  const found = decision.changes.find((c) => c.entity === 'ticket' && (type === undefined || c.type === type));
  if (!found || found.entity !== 'ticket') throw new Error(`no ticket change${type ? ` of type ${type}` : ''}`);
  return found.state;
}

export function roomOf(decision: Decision): Room | null {
  const found = decision.changes.find((c) => c.entity === 'room');
  return found?.entity === 'room' ? found.state : null;
}

export function notificationsOf(decision: Decision): TeamNotification[] {
  return decision.changes.flatMap((c) => (c.entity === 'team' ? [c.state] : []));
}

/** The error a call throws, for asserting on its code and details. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
