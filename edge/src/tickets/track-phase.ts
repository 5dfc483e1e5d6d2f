import type { Ticket, TrackPhase } from '../contracts/index.ts';

/**
 * Where a job stands in an occupant's words. An escalation right after a rejection is,
 * for them, still "not accepted"; any other escalation only means someone else has it.
 */
export function trackPhase(ticket: Ticket): TrackPhase {
  switch (ticket.status) {
    case 'new': return 'reported';
    case 'assigned': return 'assigned';
    case 'in_progress': return 'on_the_way';
    case 'done': return 'done';
    case 'verified': return 'verified';
    case 'rejected': return 'rejected';
    case 'cancelled': return 'cancelled';
    case 'escalated': return ticket.history.at(-1)?.action === 'reject' ? 'rejected' : 'assigned';
  }
}
