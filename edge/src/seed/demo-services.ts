import type { CommandHandler } from '../commands/handler.ts';
import type { ServiceFields, SlotSchedule } from '../contracts/index.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

const weekdays = [1, 2, 3, 4, 5];
const schedule = (times: string[], capacity: number, saturday?: string[]): SlotSchedule => ({
  timeZone: 'Europe/Oslo',
  rules: [{ weekdays, times, capacity }, ...(saturday ? [{ weekdays: [6], times: saturday, capacity: 1 }] : [])],
  closed: [{ date: '2026-12-24', reason: 'Christmas Eve' }, { date: '2026-12-25', reason: 'Christmas Day' }, { date: '2026-12-26', reason: 'Boxing Day' }, { date: '2027-01-01', reason: 'New Year' }],
  leadMinutes: 120,
});

/** The demo building's paid services, in Norwegian kroner (øre). */
export const demoServices: { id: string; fields: ServiceFields; slots: SlotSchedule }[] = [
  {
    id: 'ac-cleaning',
    fields: {
      name: 'Air conditioner cleaning', names: { zh: '空调清洗', nb: 'Rens av klimaanlegg', nl: 'Airco reinigen' }, description: 'Filters, coil and drain pan of each indoor unit.',
      category: 'climate', durationMinutes: 90, price: { kind: 'per-unit', unitPrice: 65_000, unit: 'unit', maxQuantity: 10 }, paymentMode: 'at-order', active: true,
    },
    slots: schedule(['09:00', '13:00'], 3, ['10:00']),
  },
  {
    id: 'home-cleaning',
    fields: {
      name: 'Office deep cleaning', names: { zh: '深度保洁', nb: 'Grundig rengjøring', nl: 'Grondige schoonmaak' }, description: 'Floors, surfaces, windows inside, kitchen corner.',
      category: 'cleaning', durationMinutes: 180, price: { kind: 'fixed', amount: 99_000 }, paymentMode: 'at-order', active: true,
    },
    slots: schedule(['08:00', '13:00'], 2),
  },
  {
    id: 'carpet-cleaning',
    fields: {
      name: 'Carpet cleaning', names: { zh: '地毯清洗', nb: 'Teppevask', nl: 'Tapijtreiniging' }, description: 'Hot-water extraction, priced per square metre.',
      category: 'cleaning', durationMinutes: 120, price: { kind: 'per-unit', unitPrice: 4_500, unit: 'm²', maxQuantity: 200 }, paymentMode: 'after-service', active: true,
    },
    slots: schedule(['10:00', '14:00'], 2),
  },
  {
    id: 'drain-unblocking',
    fields: {
      name: 'Drain unblocking', names: { zh: '管道疏通', nb: 'Åpning av tett avløp', nl: 'Afvoer ontstoppen' }, description: 'Call-out fee; parts used are added at cost plus 25 %.',
      category: 'maintenance', durationMinutes: 60, price: { kind: 'consumables', callOut: 45_000, markupBasisPoints: 2_500 }, paymentMode: 'after-service', active: true,
    },
    slots: schedule(['08:00', '10:00', '12:00', '14:00'], 1),
  },
  {
    id: 'lock-change',
    fields: {
      name: 'Lock change', names: { zh: '换锁', nb: 'Låsbytte', nl: 'Slot vervangen' }, description: 'A new cylinder with three keys, charged to your company.',
      category: 'maintenance', durationMinutes: 60, price: { kind: 'fixed', amount: 149_000 }, paymentMode: 'company', active: true,
    },
    slots: schedule(['09:00', '15:00'], 1),
  },
];

/** Puts the demo catalogue on a new site, as its administrator would. */
export async function seedDemoServices(store: SiteStore, commands: CommandHandler): Promise<void> {
  const admin = store.directory.user('admin');
  if (!admin) return;
  const actor = actorOf(admin.user);
  await commands.handle(actor, { catalogue: true }, { type: 'set-service-settings', settings: { currency: 'NOK' } });
  for (const service of demoServices) {
    await commands.handle(actor, { service: service.id }, { type: 'define-service', service: service.fields });
    await commands.handle(actor, { service: service.id }, { type: 'set-service-slots', schedule: service.slots });
  }
}
