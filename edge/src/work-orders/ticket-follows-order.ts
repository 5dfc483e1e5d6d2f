import type { Change, WorkOrder } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * A vendor's start and done show on the ticket the order was made from: a step in its history
 * (which the tracking page shows by code, and the reporter is mailed about), and the times of
 * the vendor's work with the resolution duration, minutes from the report to the work done.
 * The ticket's own status is the team's to move.
 */
export function ticketFollowsOrder(store: SiteStore, order: WorkOrder, action: string, ref: string, at: string): Change[] {
  if (action !== 'start-work-order' && action !== 'report-work-order-done') return [];
  const ticket = order.ticket ? store.tickets.get(order.ticket) : undefined;
  if (!ticket) return [];
  const started = action === 'start-work-order';
  const earlier = ticket.vendorWork?.workOrder === order.id ? ticket.vendorWork : undefined;
  const vendorWork = {
    workOrder: order.id,
    startedAt: earlier?.startedAt ?? order.startedAt ?? at,
    doneAt: started ? null : at,
    resolutionMinutes: started ? null : Math.max(0, Math.round((Date.parse(at) - Date.parse(ticket.createdAt)) / 60_000)),
  };
  const step = { at, actor: ref, action: started ? 'work-started' : 'work-done', status: ticket.status, assignee: ticket.assignee };
  return [{ entity: 'ticket', type: started ? 'ticket-work-started' : 'ticket-work-done', state: { ...ticket, vendorWork, history: [...ticket.history, step], updatedAt: at } }];
}
