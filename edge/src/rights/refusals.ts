import type { TicketStatus } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';

/** The refusals the rights table gives, by what failed. */
export class IllegalTransition extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(action: string, status: TicketStatus, allowed: string[]) {
    super(`cannot ${action} a ticket that is ${status}`, { status, allowed });
  }
}

export class NotAssignee extends DomainError {
  readonly code = 'NOT_ASSIGNEE';
  constructor(action: string, assignee: string | null) {
    super(`only the assignee (${assignee ?? 'nobody yet'}) may ${action} this ticket`, { assignee });
  }
}

export class AssigneeNotEligible extends DomainError {
  readonly code = 'ASSIGNEE_NOT_ELIGIBLE';
  constructor(user: string, why: string) {
    super(`${user} cannot take this ticket: ${why}`, { user });
  }
}
