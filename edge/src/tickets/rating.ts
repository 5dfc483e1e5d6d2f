import type { Ticket } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';

export class NotYetRateable extends DomainError {
  readonly code = 'NOT_YET_RATEABLE';
  constructor(status: string) {
    super(`the job can be rated once it is done (it is ${status})`, { status });
  }
}

export class AlreadyRated extends DomainError {
  readonly code = 'ALREADY_RATED';
  constructor() {
    super('this job has already been rated');
  }
}

/** An occupant rates a job once, after it is done. */
export function assertRateable(ticket: Ticket, alreadyRated: boolean): void {
  if (ticket.status !== 'done' && ticket.status !== 'verified') throw new NotYetRateable(ticket.status);
  if (alreadyRated) throw new AlreadyRated();
}
