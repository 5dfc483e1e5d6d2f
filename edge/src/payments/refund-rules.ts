import type { Change, Payment, ProviderId, Refund } from '../contracts/index.ts';
import { Refusal } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';

/** Whether a provider gives money back at once or confirms later: the simulated provider and a company's credit are at once. */
export const refundsAtOnce: Record<ProviderId, boolean> = { simulated: true, company: true, wechat: false, alipay: false };

/** What a payment can still give back: what was received, less what was refunded. */
export const refundable = (payment: Payment) =>
  (payment.status === 'paid' || payment.status === 'flagged' || payment.status === 'refunded') && payment.received !== null
    ? Math.max(0, payment.received - payment.refunded) : 0;

/**
 * A refund's changes: its row and the payment's new state. Cancelling a paid order asks for
 * the same changes inside its own command, so a refund is one rule wherever it starts.
 */
export function refundChanges(store: SiteStore, payment: Payment, amount: number, reason: string, at: string): { changes: Change[]; refund: Refund } {
  if (payment.received === null) throw new Refusal('PAYMENT_NOT_PAID', `nothing was received for ${payment.id}`, { payment: payment.id });
  const left = refundable(payment);
  if (!Number.isInteger(amount) || amount < 1 || amount > left) {
    throw new Refusal('REFUND_TOO_LARGE', `${payment.id} can give back at most ${left}`, { payment: payment.id, refundable: left, currency: payment.currency });
  }
  const refund: Refund = {
    id: `R-${store.payments.nextRefundNumber()}`, payment: payment.id, order: payment.order, amount, currency: payment.currency,
    status: refundsAtOnce[payment.provider] ? 'done' : 'requested', reason, at,
  };
  const refunded = payment.refunded + amount;
  const state: Payment = { ...payment, refunded, status: refunded >= (payment.received ?? 0) && payment.status === 'paid' ? 'refunded' : payment.status };
  return { refund, changes: [{ entity: 'refund', type: 'refund-made', state: refund }, { entity: 'payment', type: 'payment-refunded', state }] };
}
