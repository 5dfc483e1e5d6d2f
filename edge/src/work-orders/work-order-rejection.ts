import type { WorkOrder } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { UnknownRejectionReason } from '../tickets/errors.ts';

/**
 * A reported-done order sent back is refused like any service: the reason is one the ticket's
 * category lists, or free text where the category takes it. An order made on its own has no
 * category: its reason is the team's own words.
 */
export function rejectionReasonFor(store: SiteStore, order: WorkOrder, reason: string): string {
  const ticket = order.ticket ? store.tickets.get(order.ticket) : undefined;
  const category = ticket ? store.directory.category(ticket.category) : undefined;
  if (!category) return reason.trim();
  const listed = category.rejectionReasons.find((r) => r.toLowerCase() === reason.trim().toLowerCase());
  if (listed) return listed;
  if (category.allowFreeTextReason && reason.trim() !== '') return reason.trim();
  throw new UnknownRejectionReason(reason, category.rejectionReasons);
}
