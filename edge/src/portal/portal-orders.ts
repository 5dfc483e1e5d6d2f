import type { Order, PortalOrder } from '../contracts/index.ts';
import { receiptOf } from '../payments/receipt.ts';
import type { Actor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { portalRequests } from './request-view.ts';

/** How many recent orders are searched for the tenant's own e-mail address. */
const RECENT_ORDERS = 1000;

/**
 * The orders a tenant follows: those behind the requests they read, and those booked
 * (from a room's QR page) with their e-mail address; newest first.
 */
export function portalOrders(store: SiteStore, actor: Actor, payee: string): PortalOrder[] {
  const email = actor.person ? store.entries.persons.get(actor.person)?.email?.trim().toLowerCase() : undefined;
  const found = new Map<string, Order>();
  for (const ticket of portalRequests(store, actor)) {
    const order = store.orders.byTicket(ticket.id);
    if (order) found.set(order.id, order);
  }
  if (email) for (const order of store.orders.list({ limit: RECENT_ORDERS })) if (order.contact.email?.toLowerCase() === email) found.set(order.id, order);
  return [...found.values()].sort((a, b) => b.number - a.number).map((o) => ({
    id: o.id, number: o.number, room: o.room, serviceName: o.serviceName, slot: o.slot, quantity: o.quantity, status: o.status,
    lines: o.lines.map((l) => ({ kind: l.kind, label: l.label, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount })),
    total: o.total, paid: o.paid, refunded: o.refunded, currency: o.currency, paymentMode: o.paymentMode, ticket: o.ticket, createdAt: o.createdAt,
    receipt: receiptOf(store, o, payee),
  }));
}
