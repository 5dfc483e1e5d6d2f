import type { Ticket } from '../contracts/index.ts';
import type { Actor } from './actor.ts';
import { hiddenFrom } from './refusal.ts';
import { grantsOf } from './rights.ts';

/** Whether the actor may see the ticket: the scope of their `view` right. */
export function visibleTo(actor: Actor, ticket: Ticket): boolean {
  return hiddenFrom(actor, ticket) === null;
}

/** The same rule as a filter on ticket lists. */
export function visibleScope(actor: Actor): { assignee?: string; room?: string } {
  const scopes = grantsOf(actor.role, 'view')[0]?.scope ?? [];
  if (scopes.includes('own')) return { assignee: actor.user ?? '' };
  if (scopes.includes('room')) return { room: actor.room ?? '' };
  return {};
}
