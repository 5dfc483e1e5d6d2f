import { OrderFigures, OrderList, type OrderStatus, RefundList, Service, type ServiceFields, ServiceList, type SlotSchedule } from '@doorside/edge/contracts';
import { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Catalogue = z.infer<typeof ServiceList>;
export type Orders = z.infer<typeof OrderList>['orders'];
export interface OrderQuery { status?: OrderStatus | ''; service?: string; room?: string; from?: string; to?: string }
const Categories = z.object({ categories: z.array(z.object({ id: z.string(), name: z.string(), names: z.record(z.string(), z.string()).optional() })) });
export type CategoryChoices = z.infer<typeof Categories>['categories'];

/** The paid services' catalogue, slots and orders, as the dashboard reads and changes them. */
export class ServicesApi extends SignedInApi {
  async catalogue(): Promise<Catalogue> {
    return ServiceList.parse(await this.send('GET', '/api/services'));
  }

  async categories(): Promise<CategoryChoices> {
    return Categories.parse(await this.send('GET', '/api/categories')).categories;
  }

  async define(id: string, fields: ServiceFields): Promise<z.infer<typeof Service>> {
    return Service.parse(await this.send('PUT', `/api/services/${encodeURIComponent(id)}`, fields));
  }

  async setSlots(id: string, schedule: SlotSchedule): Promise<z.infer<typeof Service>> {
    return Service.parse(await this.send('PUT', `/api/services/${encodeURIComponent(id)}/slots`, schedule));
  }

  async orders(query: OrderQuery): Promise<Orders> {
    return OrderList.parse(await this.send('GET', `/api/orders${queryOf(query)}`)).orders;
  }

  async figures(query: OrderQuery): Promise<z.infer<typeof OrderFigures>> {
    return OrderFigures.parse(await this.send('GET', `/api/orders/figures${queryOf({ from: query.from, to: query.to })}`));
  }

  /** Refunds that failed or are under way at the provider, newest first. */
  async refunds(status: 'failed' | 'requested'): Promise<z.infer<typeof RefundList>['refunds']> {
    return RefundList.parse(await this.send('GET', `/api/refunds?status=${status}`)).refunds;
  }

  /** Asks a failed refund of the provider again. */
  async retryRefund(id: string): Promise<void> {
    await this.send('POST', `/api/refunds/${encodeURIComponent(id)}/retry`);
  }

  /** The order list's CSV, with the same filters. */
  csvUrl(query: OrderQuery): string {
    return new URL(`./api/orders.csv${queryOf(query)}`, this.base).href;
  }
}

/** The filters as a query; a day (`2026-12-01`) is taken as its start in UTC. */
function queryOf(query: OrderQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (!value) continue;
    params.set(name, /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
