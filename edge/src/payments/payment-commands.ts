import { amountDue, type Change, type NoticeOutcome, type Payment, type PaymentCommand, type PaymentNotice, type PaymentView, type Refund } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { newPayment } from './new-payment.ts';
import { refundChanges, settledChanges } from './refund-rules.ts';
import { refundChecked, refundNotice } from './refund-follow-up.ts';

const targetOf = (target: unknown, key: 'order' | 'payment' | 'provider') => String((target as Record<string, unknown>)[key] ?? '');

const view = (store: SiteStore, payment: Payment, more: PaymentView['refunds'] = []): PaymentView =>
  ({ payment, refunds: [...store.payments.refunds(payment.id), ...more], payUrl: null });

const refundOf = (store: SiteStore, target: unknown): Refund => {
  const id = String((target as Record<string, unknown>).refund ?? '');
  const refund = store.payments.refund(id);
  if (!refund) throw new NotFound('refund', id);
  return refund;
};

/** The payment of an order that took money, if one did. */
const paidFor = (store: SiteStore, order: string) =>
  store.payments.ofOrder(order).find((p) => p.status === 'paid' || (p.status === 'refunded' && p.refunded < (p.received ?? 0)));

/** A provider's notice: taken once; a mismatch or a second payment for a paid order flagged, not taken. */
function takeNotice(store: SiteStore, notice: PaymentNotice): { changes: Change[]; result: NoticeOutcome } {
  const seen = store.payments.notice(notice.provider, notice.key);
  if (seen) return { changes: [], result: { outcome: 'repeat', payment: seen.payment } };
  if (notice.event === 'refund') return refundNotice(store, notice);
  if (notice.event !== 'paid') return { changes: [], result: { outcome: 'ignored', payment: null } };
  const payment = store.payments.byTradeNo(notice.tradeNo);
  if (!payment || payment.provider !== notice.provider) throw new NotFound('payment', notice.tradeNo);
  // The same money told again under another event (Alipay's TRADE_FINISHED after TRADE_SUCCESS).
  if (payment.transaction === notice.transaction && payment.received !== null) return { changes: [], result: { outcome: 'repeat', payment: payment.id } };
  const received = { transaction: notice.transaction, received: notice.amount, paidAt: notice.at };
  const other = paidFor(store, payment.order);
  // Money for what is still due on the order (work billed after a payment at order) is no second payment.
  const order = store.orders.get(payment.order);
  const stillDue = order !== undefined && amountDue(order) >= payment.amount;
  let state: Payment;
  if (other && other.id !== payment.id && !stillDue) {
    state = { ...payment, ...received, status: 'flagged', flag: { code: 'ORDER_ALREADY_PAID', params: { paidBy: other.id } } };
  } else if (notice.amount !== payment.amount || notice.currency !== payment.currency) {
    state = { ...payment, ...received, status: 'flagged', flag: { code: 'AMOUNT_MISMATCH', params: { expected: payment.amount, received: notice.amount, currency: payment.currency, receivedCurrency: notice.currency } } };
  } else {
    state = { ...payment, ...received, status: 'paid', flag: null };
  }
  const outcome = state.status === 'paid' ? 'taken' : 'flagged';
  return {
    changes: [{ entity: 'payment', type: outcome === 'taken' ? 'payment-taken' : 'payment-flagged', state, notice: { provider: notice.provider, key: notice.key, outcome } }],
    result: { outcome, payment: payment.id },
  };
}

/** Asking for a payment, taking a provider's notice, refunding, and recording what a provider answered the gateway. */
export const paymentCommands: CommandModule<PaymentCommand> = {
  types: ['create-payment', 'take-payment-notice', 'refund-payment', 'record-pay-link', 'record-refund-answer', 'record-refund-check', 'retry-refund'],

  run(store, input) {
    const { actor, target, command, at } = input;
    switch (command.type) {
      case 'create-payment': {
        assertMay(actor.role, 'charge');
        const order = targetOf(target, 'order');
        const paid = paidFor(store, order);
        if (paid) throw new Refusal('ORDER_ALREADY_PAID', `order ${order} is paid already (${paid.id})`, { order, payment: paid.id });
        if (command.provider === 'company' && !command.company) throw new Invalid('COMPANY_REQUIRED', 'a charge to a company account names the company');
        const waiting = store.payments.ofOrder(order).find((p) => p.status === 'pending' && p.provider === command.provider && p.amount === command.amount && p.currency === command.currency);
        if (waiting) return { changes: [], result: view(store, waiting) };
        const { payment, change } = newPayment(store, { order, ...command }, at);
        return { changes: [change], result: view(store, payment) };
      }
      case 'take-payment-notice':
        assertMay(actor.role, 'take-payment');
        return takeNotice(store, command.notice);
      case 'refund-payment': {
        assertMay(actor.role, 'refund');
        const id = targetOf(target, 'payment');
        const payment = store.payments.get(id);
        if (!payment) throw new NotFound('payment', id);
        const { changes, refund } = refundChanges(store, payment, command.amount, command.reason, at);
        const state = (changes[1] as { state: Payment }).state;
        return { changes, result: view(store, state, [refund]) };
      }
      case 'record-pay-link': {
        assertMay(actor.role, 'charge');
        const payment = store.payments.get(targetOf(target, 'payment'));
        if (!payment) throw new NotFound('payment', targetOf(target, 'payment'));
        // Money may have come in while the provider answered: a link is kept only while the payment waits.
        if (payment.status !== 'pending' || payment.payAt === command.payAt) return { changes: [], result: view(store, payment) };
        const state: Payment = { ...payment, payAt: command.payAt };
        return { changes: [{ entity: 'payment', type: 'payment-opened', state }], result: view(store, state) };
      }
      case 'record-refund-answer': {
        assertMay(actor.role, 'refund');
        const id = String((target as Record<string, unknown>).refund ?? '');
        const refund = store.payments.refund(id);
        if (!refund) throw new NotFound('refund', id);
        if (refund.status !== 'requested') throw new Refusal('REFUND_ANSWERED', `refund ${id} is ${refund.status} already`, { refund: id, status: refund.status });
        if (command.outcome !== 'requested') {
          const changes = settledChanges(store, refund, command.outcome, 'refund-answered', command);
          return { changes, result: (changes[0] as { state: Refund }).state };
        }
        const state: Refund = { ...refund, reference: command.reference ?? refund.reference ?? null };
        return { changes: state.reference === refund.reference ? [] : [{ entity: 'refund', type: 'refund-answered', state }], result: state };
      }
      case 'record-refund-check': {
        assertMay(actor.role, 'refund');
        const refund = refundOf(store, target);
        if (refund.status !== 'requested') throw new Refusal('REFUND_ANSWERED', `refund ${refund.id} is ${refund.status} already`, { refund: refund.id, status: refund.status });
        return refundChecked(store, input, refund, command);
      }
      case 'retry-refund': {
        assertMay(actor.role, 'refund');
        const failed = refundOf(store, target);
        if (failed.status !== 'failed' || failed.retriedBy) {
          throw new Refusal('REFUND_NOT_FAILED', `refund ${failed.id} is ${failed.status}${failed.retriedBy ? `, retried as ${failed.retriedBy}` : ''}`, { refund: failed.id, status: failed.status, retriedBy: failed.retriedBy ?? null });
        }
        const payment = store.payments.get(failed.payment);
        if (!payment) throw new NotFound('payment', failed.payment);
        const made = refundChanges(store, payment, failed.amount, failed.reason, at);
        const refund: Refund = { ...made.refund, retryOf: failed.id };
        const state = (made.changes[1] as { state: Payment }).state;
        return {
          changes: [{ entity: 'refund', type: 'refund-retried', state: { ...failed, retriedBy: refund.id } }, { entity: 'refund', type: 'refund-made', state: refund }, made.changes[1]!],
          result: view(store, state, [refund]),
        };
      }
    }
  },
};
