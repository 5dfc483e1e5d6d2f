import type { CommandHandler } from '../commands/handler.ts';
import type { PublicAddress } from '../http/public-address.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { DemoVendor } from './demo-credentials.ts';

const vendors = [
  {
    name: 'Nordlift AS', trade: 'lifts', email: 'service@nordlift.example', language: 'nb' as const, reminders: true,
    contacts: [{ name: 'Kari Nordmann', email: 'kari@nordlift.example', phone: '+47 22 33 44 55', language: 'nb' as const }],
  },
  {
    name: 'Glasfix BV', trade: 'glazing', email: 'planning@glasfix.example', language: 'nl' as const, reminders: true,
    contacts: [
      { name: 'Sanne de Wit', email: 'sanne@glasfix.example', phone: '+31 20 123 4567', language: 'nl' as const },
      { name: 'Wei Zhang', email: 'wei@glasfix.example', phone: null, language: 'zh' as const },
    ],
  },
];

/**
 * Two vendors and one open work order sent to the lift company, through the one command
 * path, as the facility head would. Run once, on a new demo site; answers what the
 * credentials file keeps, with each contact's link (tokens exist only now).
 */
export async function seedDemoWorkOrders(store: SiteStore, commands: CommandHandler, links: PublicAddress, at: string): Promise<DemoVendor[]> {
  const head = store.directory.user('hanna')?.user;
  if (!head || !store.rooms.get('r102')) return [];
  const by = actorOf(head);
  const made: DemoVendor[] = [];
  for (const body of vendors) {
    const vendor = await commands.handle(by, { directory: true }, { type: 'define-vendor', vendor: body });
    made.push({ id: vendor.id, name: vendor.name, trade: vendor.trade, contacts: vendor.contacts.map(({ id, name, email, language }) => ({ id, name, email, language })), workOrders: [] });
  }
  const lift = made[0]!;
  const title = 'Lift door stops halfway on floor 1';
  const sent = await commands.handle(by, { directory: true }, {
    type: 'create-work-order', vendor: lift.id, title, room: 'r102', shareReporterContact: false,
    description: 'The lift by Meeting Room Fjord opens its door halfway and closes again. Guests take the stairs.',
    instructions: 'Report to reception; the machine room key is in the key cabinet.',
    dueAt: new Date(Date.parse(at) + 3 * 86_400_000).toISOString(), costLimit: { amount: 800_000, currency: 'NOK' },
  });
  lift.workOrders = sent.links.map(({ contact, token }) => ({ id: sent.workOrder.id, title, contact, url: links.vendorUrl(token) }));
  return made;
}
