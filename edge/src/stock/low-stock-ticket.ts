import { named, type Change, type StockItem, type StockStore, type Ticket } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { holdRefusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openTicket } from '../tickets/open-ticket.ts';

/**
 * The task a dip below the minimum opens: in the store's room and category, given to the
 * store's owner (or left in the team's pool when the owner may no longer hold such work).
 */
export function lowStockTicket(store: SiteStore, input: { actor: Actor; at: string; id: string; item: StockItem; home: StockStore }): { ticket: Ticket; changes: Change[] } {
  const { item, home } = input;
  const room = store.rooms.get(home.room);
  if (!room) throw new NotFound('room', home.room);
  const category = store.directory.category(home.category);
  if (!category) throw new NotFound('category', home.category);
  const owner = store.directory.user(home.owner)?.user ?? null;
  const assignee = owner && holdRefusal(owner, category.team) === null ? owner : null;
  return openTicket({
    id: input.id, at: input.at, actor: input.actor, room, category, kind: 'task', priority: 'normal',
    titlePhrase: { code: 'ticket.lowStock', params: { item: item.name, store: home.name, level: item.level, minimum: item.minimum, unit: item.unit } },
    description: `${item.name} (${item.id}) is down to ${item.level} ${item.unit} in ${home.name}, below its minimum of ${item.minimum}. Restock it.`,
    reporter: { kind: 'system', id: null, contact: null }, assignee, parent: null,
  });
}
