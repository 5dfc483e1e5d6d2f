import type { Category, Ticket } from '../contracts/index.ts';
import type { DomainError } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { OwnWork } from './errors.ts';

/** The steps that make someone one of the job's workers. */
const working = new Set(['claim', 'start', 'complete']);

/**
 * Whether the actor did the work: claimed, started or completed the ticket at any point of
 * its history (a job passed on mid-way has each of its workers counted). Actors are matched
 * by how the log names them (`user:sofia`); a door panel signed in with its room's PIN names
 * no person and never works a ticket, so it is never one of them.
 */
export function workedOn(actor: Actor, ticket: Ticket): boolean {
  return ticket.history.some((step) => working.has(step.action) && step.actor === actor.ref);
}

/**
 * Why the actor may not approve or reject the ticket as its own work, or null. Forbidden
 * unless the category allows self-verification; a category not known here counts as forbidding it.
 */
export function ownWorkRefusal(actor: Actor, ticket: Ticket, action: string, category?: Category): DomainError | null {
  if (category?.selfVerification === 'allowed') return null;
  return workedOn(actor, ticket) ? new OwnWork(ticket.id, action) : null;
}
