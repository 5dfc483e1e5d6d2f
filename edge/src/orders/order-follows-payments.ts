import type { WithinCommand } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { paid, refunded, refundFailed } from './order-rules.ts';

/**
 * An order follows the payments ledger: money taken for it (a provider's notice, a company
 * account) marks it paid, a refund made gives it back, in the payment command's own
 * transaction; a refund the provider then failed (or closed) puts it back. What the order cannot take (a closed order, an amount it does not ask for)
 * leaves it as it is: the ledger has flagged or holds that payment for a person.
 */
export function orderFollowsPayments(store: SiteStore): WithinCommand {
  return (changes, at, tx) => {
    for (const change of changes) {
      const isTaken = change.entity === 'payment' && change.type === 'payment-taken';
      const isRefund = change.entity === 'refund' && change.type === 'refund-made';
      const isFailed = change.entity === 'refund' && (change.type === 'refund-answered' || change.type === 'refund-checked') && change.state.status === 'failed';
      if (!isTaken && !isRefund && !isFailed) continue;
      const order = store.orders.get(change.state.order);
      if (!order) continue;
      try {
        if (isFailed) {
          tx.apply({ entity: 'order', type: 'order-refund-failed', state: refundFailed(order, change.state.amount, at), reference: change.state.id });
          continue;
        }
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
