/**
 * The words the contracts are made of, without a schema library: id patterns and status
 * lists. Both the full schemas (zod) and the occupant page's light ones (zod/mini) use them,
 * so a rule about an id or a status is written once.
 */
export const idPatterns = {
  slug: /^[a-z0-9][a-z0-9_-]{0,47}$/,
  username: /^[a-z0-9][a-z0-9._-]{0,47}$/,
  ticket: /^T-\d{1,9}$/,
  token: /^[A-Za-z0-9_-]{22,128}$/,
} as const;

export const roomStatuses = ['available', 'service_due', 'in_service', 'pending_recovery', 'do_not_use'] as const;
export const ticketStatuses = ['new', 'assigned', 'in_progress', 'done', 'verified', 'rejected', 'escalated', 'cancelled'] as const;
