import type { WithinCommand } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { paid, refunded } from './order-rules.ts';

/**
 * An order follows the payments ledger: money taken for it (a provider's notice, a company
 * account) marks it paid, a refund made gives it back, in the payment command's own
 * transaction. What the order cannot take (a closed order, an amount it does not ask for)
 * leaves it as it is: the ledger has flagged or holds that payment for a person.
 */
export function orderFollowsPayments(store: SiteStore): WithinCommand {
  return (changes, at, tx) => {
    for (const change of changes) {
      const isTaken = change.entity === 'payment' && change.type === 'payment-taken';
      const isRefund = change.entity === 'refund' && change.type === 'refund-made';
      if (!isTaken && !isRefund) continue;
      const order = store.orders.get(change.state.order);
      if (!order) continue;
      try {
        const state = isTaken
          ? paid(order, (change.state as { received: number | null; amount: number }).received ?? change.state.amount, at)
          : refunded(order, change.state.amount, at);
        tx.apply({ entity: 'order', type: isTaken ? 'order-paid' : 'order-refunded', state, reference: change.state.id });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
  };
}
