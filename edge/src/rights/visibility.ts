import type { Role, RoomId, Ticket } from '../contracts/index.ts';
import type { Actor } from './actor.ts';
import { hiddenFrom, roomHiddenFrom, type Subject } from './refusal.ts';
import { grantsOf, may, type Scope, viewRightOf } from './rights.ts';

/**
 * Which tickets and rooms an actor sees: the scope of their `view` right. One rule for every
 * read, a ticket, a list, the work queue, an export, a room's open tickets, and for the live
 * feed on `/ws`. What they may not see is answered as not found, never as forbidden.
 */
export function visibleTo(actor: Actor, ticket: Subject): boolean {
  return hiddenFrom(actor, ticket) === null;
}

/** Whether the actor sees the room (its status, its devices). */
export function roomVisibleTo(actor: Actor, room: RoomId): boolean {
  return roomHiddenFrom(actor, room) === null;
}

/** One way a ticket may be visible: all of the named fields must match. */
export interface VisibleClause { room?: string; teams?: string[]; assignee?: string; /** Matches no ticket: a scope a list filter cannot say (a tenant's). */ none?: true }

const clauseOf = (scopes: readonly Scope[], actor: Actor): VisibleClause | 'all' => {
  if (scopes.includes('reporter') || scopes.includes('company')) return { none: true };
  if (scopes.includes('any')) return 'all';
  const clause: VisibleClause = {};
  if (scopes.includes('own')) clause.assignee = actor.user ?? '';
  if (scopes.includes('team')) clause.teams = [...actor.teams];
  if (scopes.includes('room')) clause.room = actor.room ?? '';
  return clause;
};

/**
 * The same rule as a filter on ticket lists: undefined when the actor sees every ticket,
 * otherwise the clauses of which a ticket must match one (none: nothing is visible).
 */
export function visibleScope(actor: Actor): VisibleClause[] | undefined {
  const clauses = grantsOf(actor.role, viewRightOf(actor.role)).map((g) => clauseOf(g.scope, actor));
  if (clauses.includes('all')) return undefined;
  return clauses as VisibleClause[];
}

/** A ticket as someone without the right to staff-only notes may read it. */
export function withoutInternalNotes<T extends { notes: Array<{ internal?: boolean }> }>(ticket: T): T {
  return { ...ticket, notes: ticket.notes.filter((note) => !note.internal) };
}

/** Whether a role reads staff-only notes: those who may write them. */
export const readsInternalNotes = (role: Role): boolean => may(role, 'comment-internal');

/** The ticket as `role` may read it: staff-only notes only for roles that may write them. */
export function ticketFor(role: Role, ticket: Ticket): Ticket {
  return readsInternalNotes(role) ? ticket : withoutInternalNotes(ticket);
}
