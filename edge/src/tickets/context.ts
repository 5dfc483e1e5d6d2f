import type { Category, Change, Room, Team, Ticket, TicketId, Triggered, User } from '../contracts/index.ts';

export type { Triggered };
import type { Actor } from '../rights/actor.ts';


/** Everything a ticket decision needs, loaded by the command handler; the rules do no I/O. */
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
  /** For a closing: the ticket's work orders still waiting for someone, which keep it from closing. */
  openWorkOrders?: string[];
  /** For an assign, claim, transfer or start: whether the job's order is paid at order and not paid yet. */
  unpaid?: boolean;
}

export interface Decision {
  changes: Change[];
  triggered: Triggered | null;
}
