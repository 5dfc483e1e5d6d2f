import type { CommandHandler } from '../commands/handler.ts';
import type { Service } from '../contracts/index.ts';
import { bookingOpen, slotsBetween } from '../orders/slots.ts';
import { actorOf, systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

const DAY = 86_400_000;

/** The n-th slot of a service still open for booking in the next two weeks. */
function slotOf(service: Service, now: string, n: number): string | undefined {
  if (!service.schedule) return undefined;
  const schedule = service.schedule;
  const slots = slotsBetween(schedule, service.durationMinutes, now, new Date(Date.parse(now) + 14 * DAY).toISOString())
    .filter((s) => bookingOpen(schedule, s, now));
  return slots[Math.min(n, slots.length - 1)]?.start;
}

/**
 * A few orders in the states a property team meets, booked at the desk as for callers: one
 * paid at order on the simulated provider, one waiting for its payment, one done and billed
 * after service, and one charged to a tenant company's account (so its statement has a line).
 */
export async function seedDemoOrders(store: SiteStore, commands: CommandHandler, clock: () => string): Promise<void> {
  const desk = store.directory.user('rita')?.user;
  const head = store.directory.user('hanna')?.user;
  const worker = store.directory.user('ana')?.user;
  if (!desk || !head || !worker) return;
  const now = clock();
  const book = async (id: string, n: number, room: string, quantity: number, contact: { name: string; phone?: string; email?: string; company?: string }) => {
    const service = store.services.get(id);
    const slot = service && slotOf(service, now, n);
    if (!slot) return null;
    return commands.handle(actorOf(desk), { room }, { type: 'place-order', service: id, slot, quantity, contact });
  };

  const paid = await book('ac-cleaning', 1, 'r201', 2, { name: 'Lena Brandt', phone: '+47 22 33 44 55' });
  if (paid) {
    const { payment } = await commands.handle(systemActor, { order: paid.order.id }, { type: 'create-payment', provider: 'simulated', amount: paid.order.total, currency: paid.order.currency });
    await commands.handle(systemActor, { provider: 'simulated' }, {
      type: 'take-payment-notice',
      notice: { provider: 'simulated', event: 'paid', key: `demo-${payment.id}:PAID`, tradeNo: payment.tradeNo, transaction: `demo-${payment.id}`, amount: payment.amount, currency: payment.currency, at: now },
    });
  }
  const waiting = await book('home-cleaning', 2, 'r105', 1, { name: 'Wang Fang', email: 'wang.fang@example.org' });
  if (waiting) await commands.handle(systemActor, { order: waiting.order.id }, { type: 'create-payment', provider: 'simulated', amount: waiting.order.total, currency: waiting.order.currency });
  const billed = await book('carpet-cleaning', 0, 'r201', 24, { name: 'Pieter de Jong', phone: '+31 20 555 0101' });
  if (billed) {
    await commands.handle(actorOf(head), { ticket: billed.ticket.id }, { type: 'assign', assignee: worker.id });
    await commands.handle(actorOf(worker), { ticket: billed.ticket.id }, { type: 'start' });
    await commands.handle(actorOf(worker), { ticket: billed.ticket.id }, { type: 'complete', note: 'Carpet cleaned, 24 m²' });
  }
  await book('lock-change', 0, 'r105', 1, { name: 'Kari Nordmann', phone: '+47 900 00 000', company: 'Nordlys AS' });
}
