import type { Order, OrderStatus } from '../contracts/index.ts';
import { amountDue } from '../contracts/index.ts';
import { Refusal } from '../domain-error.ts';

/** How long a pay-at-order booking holds its place unpaid. */
export const HOLD_MINUTES = 15;

const closed: readonly OrderStatus[] = ['cancelled', 'expired'];

export function orderState(order: Order, action: string, allowed: readonly OrderStatus[]): void {
  if (!allowed.includes(order.status)) {
    throw new Refusal('ORDER_STATE', `order ${order.id} is ${order.status}: it cannot ${action}`, { status: order.status, allowed });
  }
}

/** Lines may be added while the job is ahead or under way, not once it is done or closed. */
export const OPEN_FOR_ITEMS: readonly OrderStatus[] = ['awaiting-payment', 'confirmed', 'in-progress'];
/** An order left unpaid that its payer may pay on-line: a booking while its place is held, work billed once done. */
export const PAYABLE_NOW: readonly OrderStatus[] = ['awaiting-payment', 'billed'];
/** An order is cancelled before its work starts. */
export const CANCELLABLE: readonly OrderStatus[] = ['awaiting-payment', 'confirmed'];

/** Money taken: a booking waiting for payment must be paid in full; later, anything up to what is due. */
export function paid(order: Order, amount: number, at: string): Order {
  if (closed.includes(order.status)) orderState(order, 'be paid', ['awaiting-payment', 'confirmed', 'in-progress', 'done', 'billed']);
  const due = amountDue(order);
  if (due === 0) throw new Refusal('ORDER_ALREADY_PAID', `nothing is left to pay on order ${order.id}`, { order: order.id });
  if (order.status === 'awaiting-payment' ? amount !== due : amount > due) {
    throw new Refusal('PAYMENT_MISMATCH', `order ${order.id} asks for ${due}, not ${amount}`, { due, amount });
  }
  const after = { ...order, paid: order.paid + amount, updatedAt: at };
  if (order.status === 'awaiting-payment') return { ...after, status: 'confirmed', holdUntil: null };
  if (order.status === 'billed' && amountDue(after) === 0) return { ...after, status: 'paid' };
  return after;
}

/** Money given back: never more than was taken and not yet given back. */
export function refunded(order: Order, amount: number, at: string): Order {
  if (amount > order.paid) throw new Refusal('REFUND_TOO_LARGE', `order ${order.id} has ${order.paid} to refund, not ${amount}`, { refundable: order.paid, amount });
  return { ...order, paid: order.paid - amount, refunded: order.refunded + amount, updatedAt: at };
}

/** A refund the provider did not carry out: what it took off the order was not given back after all. */
export function refundFailed(order: Order, amount: number, at: string): Order {
  if (amount > order.refunded) throw new Refusal('REFUND_TOO_LARGE', `order ${order.id} has ${order.refunded} refunded, not ${amount}`, { refunded: order.refunded, amount });
  return { ...order, paid: order.paid + amount, refunded: order.refunded - amount, updatedAt: at };
}

/** The job's work done: what is left to pay decides between paid and billed. */
export function finished(order: Order, at: string, responsible: string | null): Order {
  const done = { ...order, finishedAt: at, updatedAt: at, responsible };
  return { ...done, status: amountDue(done) === 0 ? 'paid' : 'billed' };
}

export function closedAs(order: Order, status: 'cancelled' | 'expired', reason: string, at: string): Order {
  return { ...order, status, holdUntil: null, closedAt: at, updatedAt: at, cancelReason: reason };
}
