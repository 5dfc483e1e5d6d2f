import type { CommandHandler } from '../commands/handler.ts';
import { amountDue, type Order, type ProviderId } from '../contracts/index.ts';
import type { Providers } from '../payments/provider.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { OrderPayments } from './order-payments.ts';

/**
 * Orders paid through the site's payments ledger: a booking paid at order asks the ledger for a
 * payment with the provider given (the simulated one in the demo) and answers its pay page; a
 * cancelled order's money goes back through `refund-payment`. Both are commands as the gateway.
 */
export function ledgerPayments(store: SiteStore, commands: CommandHandler, providers: Providers, base: () => string, provider: ProviderId = 'simulated'): OrderPayments {
  return {
    async paymentFor(order: Order) {
      const view = await commands.handle(systemActor, { order: order.id }, { type: 'create-payment', provider, amount: amountDue(order), currency: order.currency });
      const url = view.payment.status === 'pending' ? providers.get(provider)?.payUrl(view.payment, base()) ?? null : null;
      return { order: order.id, amount: amountDue(order), currency: order.currency, url, holdUntil: order.holdUntil ?? order.createdAt };
    },
    async refund(order: Order, amount: number) {
      let left = amount;
      for (const payment of store.payments.ofOrder(order.id)) {
        const refundable = (payment.received ?? 0) - payment.refunded;
        if (left <= 0 || refundable <= 0 || (payment.status !== 'paid' && payment.status !== 'refunded')) continue;
        const part = Math.min(left, refundable);
        await commands.handle(systemActor, { payment: payment.id }, { type: 'refund-payment', amount: part, reason: `order ${order.id} ${order.status}` });
        left -= part;
      }
    },
  };
}
