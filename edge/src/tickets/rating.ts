import type { Ticket } from '../contracts/index.ts';
import type { DomainError } from '../domain-error.ts';
import { AlreadyRated, NotYetRateable } from './errors.ts';

export { AlreadyRated, NotYetRateable };

/** Why an occupant may not rate the job now, or null: once per ticket, after it is done (a low rating may have reopened it since). */
export function rateRefusal(ticket: Ticket, alreadyRated: boolean): DomainError | null {
  if (alreadyRated) return new AlreadyRated();
  if (ticket.status !== 'done' && ticket.status !== 'verified') return new NotYetRateable(ticket.status);
  return null;
}

export function assertRateable(ticket: Ticket, alreadyRated: boolean): void {
  const refused = rateRefusal(ticket, alreadyRated);
  if (refused) throw refused;
}
