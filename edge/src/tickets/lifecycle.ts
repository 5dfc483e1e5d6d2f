import type { TicketAction, TicketStatus } from '../contracts/index.ts';
import { IllegalTransition } from './errors.ts';

/** Which actions a ticket accepts in each status. */
const allowed: Record<TicketStatus, readonly TicketAction[]> = {
  new: ['assign', 'claim', 'escalate', 'cancel', 'comment'],
  assigned: ['assign', 'transfer', 'start', 'escalate', 'cancel', 'comment', 'accept'],
  in_progress: ['transfer', 'complete', 'escalate', 'cancel', 'comment'],
  done: ['approve', 'reject', 'comment'],
  rejected: ['assign', 'transfer', 'start', 'escalate', 'cancel', 'comment'],
  escalated: ['assign', 'claim', 'transfer', 'start', 'cancel', 'comment'],
  verified: ['comment'],
  cancelled: ['comment'],
};

export function allowedActions(status: TicketStatus): TicketAction[] {
  return [...allowed[status]];
}

export function assertAllowed(status: TicketStatus, action: TicketAction): void {
  if (!allowed[status].includes(action)) throw new IllegalTransition(action, status, allowedActions(status));
}

/** Actions that close a ticket, and so may release its room. */
export function closes(action: TicketAction): boolean {
  return action === 'approve' || action === 'cancel';
}
