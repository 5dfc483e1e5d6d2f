import type { Change, Order, OrderCommand, Service } from '../contracts/index.ts';
import type { CommandInput, Outcome } from '../commands/command-module.ts';
import { Invalid, Refusal } from '../domain-error.ts';
import { assertMay } from '../rights/refusal.ts';
import { bookingTicketKind } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openCommands } from '../tickets/open-commands.ts';
import { newPayment } from '../payments/new-payment.ts';
import { HOLD_MINUTES, paid } from './order-rules.ts';
import { serviceLine } from './pricing.ts';
import { bookingOpen, slotAt } from './slots.ts';

type PlaceOrder = Extract<OrderCommand, { type: 'place-order' }>;

function bookable(store: SiteStore, id: string): Service & { schedule: NonNullable<Service['schedule']> } {
  const service = store.services.get(id);
  if (!service) throw new Invalid('UNKNOWN_SERVICE', `there is no service ${id}`, { services: store.services.all().filter((s) => s.active).map((s) => s.id) });
  if (!service.active || !service.schedule) throw new Refusal('SERVICE_NOT_BOOKABLE', `${service.name} cannot be booked now`, { service: id });
  return service as Service & { schedule: NonNullable<Service['schedule']> };
}

const contactLine = (c: Order['contact']) => [c.name, c.phone, c.email].filter(Boolean).join(', ');

/**
 * A booking: the slot checked and counted inside this transaction (so two bookings can never
 * both take the last place), the price from the catalogue (nothing the client sent), the job's
 * ticket opened with its visit time, and the order, holding its place for 15 minutes when it
 * is paid at order, or charged to the tenant's company account when the service says so.
 */
export function placeOrder(store: SiteStore, input: CommandInput<PlaceOrder>): Outcome {
  const { actor, target, command, at } = input;
  assertMay(actor.role, 'place-order');
  const service = bookable(store, command.service);
  const slot = slotAt(service.schedule, service.durationMinutes, command.slot);
  if (!slot) throw new Invalid('NOT_A_SLOT', `${command.slot} is not a slot of ${service.name}`, { slot: command.slot });
  if (!bookingOpen(service.schedule, slot, at)) throw new Invalid('SLOT_IN_PAST', `booking for ${slot.start} has closed`, { slot: slot.start });
  const line = serviceLine(service, command.quantity);
  const company = service.paymentMode === 'company' ? command.contact.company : undefined;
  if (service.paymentMode === 'company' && !company) throw new Invalid('COMPANY_REQUIRED', `${service.name} is charged to the tenant's company: name the company`, { service: service.id });
  const booked = store.orders.booked(service.id, slot.start);
  if (booked >= slot.capacity) throw new Refusal('SLOT_FULL', `every place at ${slot.start} is booked`, { slot: slot.start, capacity: slot.capacity });

  const number = store.orders.nextNumber();
  const id = `O-${number}`;
  const opened = openCommands.run(store, {
    ...input,
    command: {
      type: 'open-ticket', kind: bookingTicketKind(actor.role), category: service.category, priority: 'normal',
      title: `${service.name} (${id})`, description: `${service.name} × ${command.quantity}, visit ${slot.start}. Contact: ${contactLine(command.contact)}`,
      contact: command.contact.email ?? command.contact.phone ?? command.contact.name,
    },
    target,
  });
  const { ticket, trackToken } = opened.result as { ticket: { id: string; room: string }; trackToken: string };
  // The ticket carries its visit, so dispatch keeps the worker's other visits clear of it. A
  // visit booked for later does not take the room out of use now: the room's status stays.
  const changes: Change[] = opened.changes
    .filter((c) => c.entity !== 'room')
    .map((c) => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, state: { ...c.state, visitAt: slot.start } } : c));
  const atOrder = service.paymentMode === 'at-order';
  const holdUntil = atOrder ? new Date(Date.parse(at) + HOLD_MINUTES * 60_000).toISOString() : null;
  const order: Order = {
    id, number, room: ticket.room, service: service.id, serviceName: service.name, slot: { start: slot.start, end: slot.end },
    quantity: command.quantity, contact: command.contact, status: atOrder ? 'awaiting-payment' : 'confirmed',
    lines: [line], total: line.amount, paid: 0, refunded: 0, currency: store.services.settings().currency, paymentMode: service.paymentMode,
    ticket: ticket.id, holdUntil, createdAt: at, updatedAt: at, startedAt: null, finishedAt: null, closedAt: null, responsible: null, cancelReason: null,
  };
  changes.push({ entity: 'order', type: 'order-placed', state: order });
  if (!company) return { changes, result: { order, ticket: { id: ticket.id }, trackToken } };
  // 公司代付: charged to the company's account at once, in this transaction; the order follows the
  // payment (see order-follows-payments) and the charge is on the company's monthly statement.
  const charge = newPayment(store, { order: id, provider: 'company', amount: order.total, currency: order.currency, company }, at);
  changes.push(charge.change);
  return { changes, result: { order: paid(order, order.total, at), ticket: { id: ticket.id }, trackToken } };
}
