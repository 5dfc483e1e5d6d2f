import type { TicketAction, TicketStatus } from '../contracts/index.ts';
import { IllegalTransition } from '../rights/refusals.ts';
import { actionsIn } from '../rights/rights.ts';

/** Which actions a ticket accepts in each status (the statuses column of the rights table). */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return actionsIn(status);
}

export function assertAllowed(status: TicketStatus, action: TicketAction): void {
  if (!actionsIn(status).includes(action)) throw new IllegalTransition(action, status, actionsIn(status));
}

/** Actions that close a ticket, and so may release its room. */
export function closes(action: string): boolean {
  return action === 'approve' || action === 'cancel';
}
