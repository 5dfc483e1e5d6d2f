import type { Change, StockItem, StockMovement } from '../contracts/index.ts';
import { OPEN_FOR_ITEMS } from '../orders/order-rules.ts';
import { consumableLine, withLines } from '../orders/pricing.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * Units used on a paid job, of an item charged on paid jobs, join the job's order as a
 * consumable line (cost plus the service's markup), in the same transaction as the ledger
 * line; `ref` names that ledger line. An order already billed, paid or closed takes no more.
 */
export function usedOnOrder(store: SiteStore, item: StockItem, line: StockMovement, at: string, by: string): Change[] {
  if (line.kind !== 'used' || !item.billable || line.ticket === null) return [];
  const order = store.orders.byTicket(line.ticket);
  if (!order || !OPEN_FOR_ITEMS.includes(order.status)) return [];
  const service = store.services.get(order.service);
  if (!service) return [];
  const priced = consumableLine(service, { label: item.name, quantity: line.quantity, unitCost: item.cost, ref: `stock:${item.id}:${line.id}` }, at, by);
  return [{ entity: 'order', type: 'order-item-added', state: { ...withLines(order, [...order.lines, priced]), updatedAt: at } }];
}
