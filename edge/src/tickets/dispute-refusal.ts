import type { Category, Ticket } from '../contracts/index.ts';
import type { DomainError } from '../domain-error.ts';
import { DisputeNotAllowed, NotDisputableNow } from './errors.ts';

/**
 * Why an occupant may not say "not resolved" now, or null when they may: the category
 * must let occupants dispute, and the job must be done and not yet checked (a supervisor's
 * rejection applies to the same moment, so the same policy can follow).
 */
export function disputeRefusal(ticket: Ticket, category: Category): DomainError | null {
  if (category.occupantsMayDispute !== true) return new DisputeNotAllowed(category);
  if (ticket.status !== 'done') return new NotDisputableNow(ticket.status);
  return null;
}
