import { DomainError } from '../domain-error.ts';
import type { TicketAction, TicketStatus } from '../contracts/index.ts';

export class IllegalTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(action: TicketAction, status: TicketStatus, allowed: TicketAction[]) {
    super(`cannot ${action} a ticket that is ${status}`, { status, allowed });
  }
}

export class NotAssignee extends DomainError {
  readonly code = 'NOT_ASSIGNEE';
  constructor(action: TicketAction, assignee: string | null) {
    super(`only the assignee (${assignee ?? 'nobody yet'}) may ${action} this ticket`, { assignee });
  }
}

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

export class AssigneeNotEligible extends DomainError {
  readonly code = 'ASSIGNEE_NOT_ELIGIBLE';
  constructor(user: string, why: string) {
    super(`${user} cannot take this ticket: ${why}`, { user });
  }
}

export class UnknownPhoto extends DomainError {
  readonly code = 'UNKNOWN_PHOTO';
  constructor(photo: string) {
    super(`photo ${photo} is not attached to this ticket`, { photo });
  }
}
