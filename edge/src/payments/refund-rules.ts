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
  const atOnce = refundsAtOnce[payment.provider];
  const refund: Refund = {
    id: `R-${store.payments.nextRefundNumber()}`, payment: payment.id, order: payment.order, amount, currency: payment.currency,
    status: atOnce ? 'done' : 'requested', reason, at, ...(atOnce ? {} : { checks: 0, nextCheckAt: nextCheckAt(at, 0) }),
  };
  const refunded = payment.refunded + amount;
  const state: Payment = { ...payment, refunded, status: refunded >= (payment.received ?? 0) && payment.status === 'paid' ? 'refunded' : payment.status };
  return { refund, changes: [{ entity: 'refund', type: 'refund-made', state: refund }, { entity: 'payment', type: 'payment-refunded', state }] };
}

/**
 * How long after asking (or after the last check) the provider is asked again how a refund
 * under way stands: back-off from a minute to six hours. After the last check a person gets
 * a task; the provider's own notice settles it meanwhile whenever it comes.
 */
export const REFUND_CHECK_DELAYS_S = [60, 120, 300, 600, 1_800, 3_600, 3 * 3_600, 6 * 3_600] as const;

/** When the check after `checks` checks is due, or null when no more checks are made. */
export function nextCheckAt(at: string, checks: number): string | null {
  const delay = REFUND_CHECK_DELAYS_S[checks];
  return delay === undefined ? null : new Date(Date.parse(at) + delay * 1_000).toISOString();
}

/** A refund settled: done, or failed with the provider's code. A failed one gives its amount back to the payment: it was not refunded. */
export function settledChanges(store: SiteStore, refund: Refund, outcome: 'done' | 'failed', type: 'refund-answered' | 'refund-checked', detail: { reference?: string | undefined; failure?: string | undefined }): Change[] {
  const state: Refund = {
    ...refund, status: outcome, reference: detail.reference ?? refund.reference ?? null, nextCheckAt: null,
    failure: outcome === 'failed' ? (detail.failure ?? 'FAILED').slice(0, 120) : null,
  };
  const changes: Change[] = [{ entity: 'refund', type, state }];
  const payment = store.payments.get(refund.payment);
  if (outcome === 'failed' && payment) {
    const refunded = Math.max(0, payment.refunded - refund.amount);
    const status = payment.status === 'refunded' && refunded < (payment.received ?? 0) ? 'paid' : payment.status;
    changes.push({ entity: 'payment', type: 'payment-refunded', state: { ...payment, refunded, status } });
  }
  return changes;
}
