import type { JobConsumables } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { heldOn, toIssue } from './stock-ledger.ts';

/** One job's consumables as its ledger lines add up: per item, and what the used units cost the site. */
export function jobConsumables(store: SiteStore, ticket: string): JobConsumables {
  const items = store.stock.jobItems(ticket).map(({ item, totals }) => ({
    item: item.id, name: item.name, unit: item.unit, cost: item.cost, billable: item.billable,
    requested: totals.requested, issued: totals.issued, used: totals.used, returned: totals.returned, disposed: totals.disposed,
    toIssue: toIssue(totals), held: heldOn(totals),
  }));
  return { ticket, items, usedCost: items.reduce((sum, i) => sum + i.used * i.cost, 0) };
}
