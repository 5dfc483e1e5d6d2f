export { AssigneeNotEligible, IllegalTransition, NotAssignee } from '../rights/refusals.ts';
import { DomainError } from '../domain-error.ts';

export class AlreadyAssigned extends DomainError {
  readonly code = 'ALREADY_ASSIGNED';
  constructor(assignee: string) {
    super(`the ticket is already assigned to ${assignee}`, { assignee });
  }
}

export class AlreadyAccepted extends DomainError {
  readonly code = 'ALREADY_ACCEPTED';
  constructor(assignee: string | null) {
    super(`${assignee ?? 'the assignee'} has already accepted this work order`, { assignee });
  }
}

export class UnknownRejectionReason extends DomainError {
  readonly code = 'UNKNOWN_REJECTION_REASON';
  constructor(reason: string, allowed: string[]) {
    super(`"${reason}" is not a rejection reason for this category`, { allowed });
  }
}

export class UnknownPhoto extends DomainError {
  readonly code = 'UNKNOWN_PHOTO';
  constructor(photo: string) {
    super(`photo ${photo} is not attached to this ticket`, { photo });
  }
}

export class AlreadyWithTeam extends DomainError {
  readonly code = 'ALREADY_WITH_TEAM';
  constructor(team: string) {
    super(`the ticket has no assignee: it is already in team ${team}'s pool`, { team });
  }
}

export class NotOpenToOccupants extends DomainError {
  readonly code = 'NOT_OPEN_TO_OCCUPANTS';
  constructor(ticket: string) {
    super(`ticket ${ticket} is not one this room's visitors can add to; send a new report instead`, { ticket });
  }
}

export class DisputeNotAllowed extends DomainError {
  readonly code = 'DISPUTE_NOT_ALLOWED';
  constructor(category: { id: string; name: string }) {
    super(`staff check ${category.name} work themselves; to say it is not resolved, please ask reception`, { category: category.id });
  }
}

export class NotDisputableNow extends DomainError {
  readonly code = 'NOT_DISPUTABLE_NOW';
  constructor(status: string) {
    super(`a job can be marked not resolved once it is done and before it is checked (it is ${status})`, { status });
  }
}

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

export class OwnWork extends DomainError {
  readonly code = 'OWN_WORK';
  constructor(ticket: string, action: string) {
    super(`you worked on ${ticket} yourself: someone else must ${action} it`, { ticket });
  }
}
