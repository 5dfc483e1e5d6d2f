import type { Order, Receipt } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

/** An order's receipt: each payment taken for it (provider, time, transaction number) and each refund. */
export function receiptOf(store: SiteStore, order: Order | undefined, payee: string): Receipt {
  if (!order) return { order: null, payee, payments: [], refunds: [] };
  const taken = store.payments.ofOrder(order.id).filter((p) => p.status === 'paid' || p.status === 'refunded');
  return {
    order: order.id, payee,
    payments: taken.map((p) => ({ id: p.id, provider: p.provider, amount: p.received ?? p.amount, currency: p.currency, paidAt: p.paidAt, transaction: p.transaction, refunded: p.refunded })),
    refunds: taken.flatMap((p) => store.payments.refunds(p.id)).map((r) => ({ id: r.id, payment: r.payment, amount: r.amount, currency: r.currency, status: r.status, at: r.at })),
  };
}
