import { amountDue, type Order, type ProviderId } from '../contracts/index.ts';
import { openAtProvider, type ProviderCalls } from '../payments/provider-calls.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { OrderPayments } from './order-payments.ts';

/**
 * Orders paid through the site's payments ledger: a booking paid at order asks the ledger for a
 * payment with the provider given (the simulated one in the demo), opens it at a real provider,
 * and answers where to pay; a
 * cancelled order's money goes back through `refund-payment`. Both are commands as the gateway.
 */
export function ledgerPayments(store: SiteStore, calls: ProviderCalls, base: () => string, provider: ProviderId = 'simulated'): OrderPayments {
  const { commands, providers } = calls;
  return {
    async paymentFor(order: Order) {
      const asked = await commands.handle(systemActor, { order: order.id }, { type: 'create-payment', provider, amount: amountDue(order), currency: order.currency });
      // A real provider opens the payment and answers where to pay; unreachable, the booking stands and its pay link is null.
      const view = await openAtProvider(calls, asked, `${order.serviceName} (${order.id})`).catch(() => asked);
      const url = view.payment.status === 'pending' ? providers.get(provider)?.payUrl(view.payment, base()) ?? null : null;
      return { order: order.id, amount: amountDue(order), currency: order.currency, url, holdUntil: order.holdUntil ?? order.createdAt };
    },
    async payNow(actor, target) {
      const asked = await commands.handle(actor, target, { type: 'pay-order', provider });
      const view = await openAtProvider(calls, asked, `${asked.payment.order}`);
      const order = store.orders.get(view.payment.order)!;
      const url = view.payment.status === 'pending' ? providers.get(provider)?.payUrl(view.payment, base()) ?? null : null;
      return { order: order.id, amount: view.payment.amount, currency: view.payment.currency, url, holdUntil: order.holdUntil };
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
