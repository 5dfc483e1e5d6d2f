import type { Change, Order } from '../contracts/index.ts';
import type { WithinCommand } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';
import { closedAs, finished } from './order-rules.ts';

/** What a change to an order's ticket does to the order, if anything. */
function follow(order: Order, change: Extract<Change, { entity: 'ticket' }>, at: string): Extract<Change, { entity: 'order' }> | null {
  switch (change.type) {
    case 'ticket-started':
      return order.status === 'confirmed' ? { entity: 'order', type: 'order-started', state: { ...order, status: 'in-progress', startedAt: at, updatedAt: at } } : null;
    case 'ticket-completed':
      return order.status === 'confirmed' || order.status === 'in-progress'
        ? { entity: 'order', type: 'order-finished', state: finished({ ...order, startedAt: order.startedAt ?? at }, at, change.state.assignee) } : null;
    case 'ticket-cancelled':
      return order.status === 'awaiting-payment' || order.status === 'confirmed' || order.status === 'in-progress'
        ? { entity: 'order', type: 'order-cancelled', state: closedAs(order, 'cancelled', 'the job was cancelled', at) } : null;
    default:
      return null;
  }
}

/**
 * An order follows its job: under way when the ticket is started, done (then paid or billed)
 * when it is completed, cancelled with it. Written in the ticket command's own transaction.
 */
export function orderFollowsTicket(store: SiteStore): WithinCommand {
  return (changes, at, tx) => {
    for (const change of changes) {
      if (change.entity !== 'ticket' || (change.type !== 'ticket-started' && change.type !== 'ticket-completed' && change.type !== 'ticket-cancelled')) continue;
      const order = store.orders.byTicket(change.state.id);
      const next = order && follow(order, change, at);
      if (next) tx.apply(next);
    }
  };
}
