import { amountDue, type Order, type PaymentToComplete } from '../contracts/index.ts';

/**
 * Where orders meet the payment side. A pay-at-order booking's answer carries `paymentFor`;
 * a cancelled or expired order with money taken is handed to `refund`. The payment side
 * reports what really happened back through the `settle-order` command (paid or refunded),
 * in the one handler, so the order's money changes only there.
 */
export interface OrderPayments {
  paymentFor(order: Order): Promise<PaymentToComplete>;
  refund(order: Order, amount: number): Promise<void>;
}

/** Until a provider is set up: nothing to pay on-line (no address), and refunds are left to people. */
export const noPaymentProvider: OrderPayments = {
  paymentFor: async (order) => ({ order: order.id, amount: amountDue(order), currency: order.currency, url: null, holdUntil: order.holdUntil ?? order.createdAt }),
  refund: async () => {},
};

/** Whether a committed order change leaves money to give back: cancelled or expired with some paid. */
export const refundDue = (order: Order) => ((order.status === 'cancelled' || order.status === 'expired') && order.paid > 0 ? order.paid : 0);
