import { amountDue, type Change, type Order, type OrderCommand } from '../contracts/index.ts';
import type { CommandInput, CommandModule } from '../commands/command-module.ts';
import { NotFound, Refusal } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import { orderRefusal } from '../rights/order-refusal.ts';
import { assertMay, refusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reads } from '../tickets/site-reads.ts';
import { ticketCommands } from '../tickets/ticket-commands.ts';
import { CANCELLABLE, closedAs, OPEN_FOR_ITEMS, orderState, PAYABLE_NOW, paid, refunded } from './order-rules.ts';
import { newPayment } from '../payments/new-payment.ts';
import { placeOrder } from './place-order.ts';
import { consumableLine, customLine, withLines } from './pricing.ts';

/** The order a command names: by id, or through the occupant's tracking link. */
function orderOf(store: SiteStore, target: unknown): Order {
  const t = target as { order?: string; track?: string };
  const order = t.track !== undefined ? store.orders.byTicket(reads.tracked(store, t.track).ticket.id) : store.orders.get(t.order ?? '');
  if (!order) throw new NotFound('order', t.order ?? 'for this link');
  return order;
}

/** The order's job, cancelled with it, unless it is closed already. */
function cancelTicket(store: SiteStore, input: CommandInput, order: Order, reason: string): Change[] {
  const ticket = store.tickets.get(order.ticket);
  if (!ticket || ticket.status === 'cancelled' || ticket.status === 'verified' || ticket.status === 'done') return [];
  return ticketCommands.run(store, { ...input, actor: systemActor, target: { ticket: ticket.id }, command: { type: 'cancel', reason } }).changes;
}

/** Items staff add to a job are judged by the job's ticket: staff on their own or their team's, supervisors on any. */
function assertOnJob(store: SiteStore, input: CommandInput, order: Order): void {
  const ticket = reads.ticket(store, order.ticket);
  const refused = refusal(input.actor, 'add-order-item', ticket);
  if (refused) throw refused;
}

/** Orders of paid services: booking, items added on the job, cancelling, money reported by the payment side, and unpaid holds given up. */
export const orderCommands: CommandModule<OrderCommand> = {
  types: ['place-order', 'add-order-item', 'add-order-consumable', 'cancel-order', 'settle-order', 'expire-order-hold', 'pay-order'],

  run(store, input) {
    const { actor, target, command, at } = input;
    if (command.type === 'place-order') return placeOrder(store, { ...input, command });
    const order = orderOf(store, target);
    const done = (type: Extract<Change, { entity: 'order' }>['type'], state: Order, extra: Change[] = [], reference?: string) => ({
      changes: [{ entity: 'order' as const, type, state, ...(reference ? { reference } : {}) }, ...extra], result: state,
    });
    switch (command.type) {
      case 'add-order-item': {
        assertOnJob(store, input, order);
        orderState(order, 'take more items', OPEN_FOR_ITEMS);
        const line = customLine(command.label, command.quantity, command.unitPrice, at, actor.ref);
        return done('order-item-added', { ...withLines(order, [...order.lines, line]), updatedAt: at });
      }
      case 'add-order-consumable': {
        assertOnJob(store, input, order);
        orderState(order, 'take more items', OPEN_FOR_ITEMS);
        const service = store.services.get(order.service);
        if (!service) throw new NotFound('service', order.service);
        const line = consumableLine(service, command, at, actor.ref);
        return done('order-item-added', { ...withLines(order, [...order.lines, line]), updatedAt: at });
      }
      case 'cancel-order': {
        const refused = orderRefusal(actor, 'cancel-order', { id: order.id, tracked: (target as { track?: string }).track !== undefined });
        if (refused) throw refused;
        orderState(order, 'be cancelled', CANCELLABLE);
        const state = closedAs(order, 'cancelled', command.reason, at);
        return done('order-cancelled', state, cancelTicket(store, input, order, `Order ${order.id} cancelled: ${command.reason}`));
      }
      case 'settle-order': {
        assertMay(actor.role, 'settle-order');
        const state = command.kind === 'paid' ? paid(order, command.amount, at) : refunded(order, command.amount, at);
        return done(command.kind === 'paid' ? 'order-paid' : 'order-refunded', state, [], command.reference);
      }
      case 'pay-order': {
        const refused = orderRefusal(actor, 'pay-order', { id: order.id, tracked: (target as { track?: string }).track !== undefined });
        if (refused) throw refused;
        orderState(order, 'be paid now', PAYABLE_NOW);
        if (order.status === 'awaiting-payment' && (order.holdUntil === null || Date.parse(order.holdUntil) <= Date.parse(at))) {
          throw new Refusal('ORDER_STATE', `order ${order.id} held its place until ${order.holdUntil}`, { status: order.status, holdUntil: order.holdUntil });
        }
        const due = amountDue(order);
        if (due === 0) throw new Refusal('ORDER_ALREADY_PAID', `nothing is left to pay on order ${order.id}`, { order: order.id });
        // A payment waiting for the same money is the one to pay: asking again opens no second.
        const waiting = store.payments.ofOrder(order.id).find((p) => p.status === 'pending' && p.provider === command.provider && p.amount === due && p.currency === order.currency);
        if (waiting) return { changes: [], result: { payment: waiting, refunds: [], payUrl: null } };
        const { payment, change } = newPayment(store, { order: order.id, provider: command.provider, amount: due, currency: order.currency }, at);
        return { changes: [change], result: { payment, refunds: [], payUrl: null } };
      }
      case 'expire-order-hold': {
        assertMay(actor.role, 'expire-order');
        orderState(order, 'expire', ['awaiting-payment']);
        if (order.holdUntil === null || Date.parse(order.holdUntil) > Date.parse(at)) {
          throw new Refusal('ORDER_STATE', `order ${order.id} holds its place until ${order.holdUntil}`, { status: order.status, holdUntil: order.holdUntil });
        }
        const state = closedAs(order, 'expired', 'not paid in time', at);
        return done('order-expired', state, cancelTicket(store, input, order, `Order ${order.id} not paid in time`));
      }
    }
  },
};
