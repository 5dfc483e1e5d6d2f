import type { CommandHandler } from '../commands/handler.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** The demo's store room: cleaning and maintenance consumables, costs in øre (NOK minor units). */
const items: { name: string; unit: string; cost: number; minimum: number; billable: boolean; stock: number }[] = [
  { name: 'Paper towels', unit: 'pack', cost: 3_450, minimum: 10, billable: false, stock: 40 },
  { name: 'Hand soap refill', unit: 'L', cost: 2_900, minimum: 6, billable: false, stock: 18 },
  { name: 'Microfibre cloth', unit: 'pcs', cost: 1_200, minimum: 20, billable: false, stock: 60 },
  { name: 'Air-conditioner filter', unit: 'pcs', cost: 18_900, minimum: 4, billable: true, stock: 12 },
  { name: 'Drain cleaner', unit: 'bottle', cost: 7_900, minimum: 3, billable: true, stock: 8 },
  { name: 'LED bulb E27', unit: 'pcs', cost: 4_500, minimum: 10, billable: true, stock: 24 },
];

/** Defines the demo store and its items and receives their opening stock, through the one command path. Run once, on a new demo site. */
export async function seedDemoStock(store: SiteStore, commands: CommandHandler): Promise<void> {
  const admin = store.directory.user('admin')?.user;
  const keeper = store.directory.user('eva')?.user;
  if (!admin || !keeper || !store.directory.category('supplies') || !store.rooms.get('r105')) return;
  const by = actorOf(admin);
  await commands.handle(by, { stockStore: 'main-store' }, { type: 'define-stock-store', store: { name: 'Main store', room: 'r105', owner: keeper.id, category: 'supplies' } });
  for (const { stock, ...item } of items) {
    const defined = await commands.handle(by, { stock: true }, { type: 'define-stock-item', item: { ...item, store: 'main-store' } });
    await commands.handle(actorOf(keeper), { stockItem: defined.id }, { type: 'move-stock', kind: 'received', quantity: stock, note: 'Opening stock' });
  }
}
