import { amountDue, type Order, type PaymentToComplete, type PayNow } from '../contracts/index.ts';
import { Refusal } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';

/**
 * Where orders meet the payment side. A pay-at-order booking's answer carries `paymentFor`;
 * a cancelled or expired order with money taken is handed to `refund`. The payment side
 * reports what really happened back through the `settle-order` command (paid or refunded),
 * in the one handler, so the order's money changes only there.
 */
export interface OrderPayments {
  paymentFor(order: Order): Promise<PaymentToComplete>;
  refund(order: Order, amount: number): Promise<void>;
  /** "Pay now" on an order left unpaid (target: the order, or its tracking link): a payment for what is due, where to pay it. */
  payNow(actor: Actor, target: { track: string } | { order: string }): Promise<PayNow>;
}

/** Until a provider is set up: nothing to pay on-line (no address), and refunds are left to people. */
export const noPaymentProvider: OrderPayments = {
  paymentFor: async (order) => ({ order: order.id, amount: amountDue(order), currency: order.currency, url: null, holdUntil: order.holdUntil ?? order.createdAt }),
  refund: async () => {},
  payNow: async () => { throw new Refusal('PROVIDER_NOT_SET_UP', 'this site takes no on-line payments', { provider: null }); },
};

/** Whether a committed order change leaves money to give back: cancelled or expired with some paid. */
export const refundDue = (order: Order) => ((order.status === 'cancelled' || order.status === 'expired') && order.paid > 0 ? order.paid : 0);
