import type { OrderFigures } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { sum } from './money.ts';

/** The figures page's money and counts over orders placed in a window (工单数据看板), with what their consumables cost. */
export function figuresOf(store: SiteStore, from: string | undefined, to: string | undefined): OrderFigures {
  const at = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);
  const { byService, byStatus } = store.orders.figures(at(from), at(to));
  const names = new Map(store.services.all().map((s) => [s.id, s.name]));
  const used = store.orders.consumablesCost(at(from), at(to));
  const usedBy = (service: string) => sum(used.filter((u) => u.service === service).map((u) => u.cost));
  return {
    currency: store.services.settings().currency,
    from: from ?? null,
    to: to ?? null,
    orders: byService.reduce((n, s) => n + s.orders, 0),
    revenue: sum(byService.map((s) => s.revenue)),
    unpaid: sum(byService.map((s) => s.unpaid)),
    consumablesCost: sum(used.map((u) => u.cost)),
    byService: byService.map((s) => ({ service: s.service, name: names.get(s.service) ?? s.service, orders: s.orders, revenue: s.revenue, consumablesCost: usedBy(s.service) })),
    byStatus,
    consumablesByOrder: used,
  };
}
