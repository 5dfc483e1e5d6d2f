import type { Category, Room, Team, Ticket, TicketId, User } from '../contracts/index.ts';
import type { Actor } from './actor.ts';
import type { Change } from './change.ts';

/** Everything a ticket decision needs, loaded by the store; the rules do no I/O. */
export interface TicketContext {
  at: string;
  actor: Actor;
  ticket: Ticket;
  room: Room;
  category: Category;
  /** The ticket's team, with the supervisor an escalation goes to. */
  team: Team | null;
  /** The room's other open tickets that keep it from use. */
  othersHolding: Ticket[];
  /** The user an assign or transfer names. */
  target: User | null;
  /** The team an assign moves the ticket to, when it names one. */
  targetTeam?: Team | null;
  nextTicketId: () => TicketId;
  rejectionId: string;
}

export interface Triggered {
  route: 'returned' | 'escalated' | null;
  assignee: string | null;
  followUp: TicketId | null;
  roomStatus: Room['status'] | null;
  notified: string[];
}

export interface Decision {
  changes: Change[];
  triggered: Triggered | null;
}
