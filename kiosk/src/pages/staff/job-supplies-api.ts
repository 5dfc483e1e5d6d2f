import { JobConsumables, Order, StockChoices, StockMoveResult } from '@doorside/edge/contracts';
import { SignedInApi } from '../../api/gateway-client.ts';

export type SupplyMove = 'request' | 'use' | 'return';

/** What a worker does with a job's materials and its paid order: read them, ask for stock, record use, bring back, add a custom item. */
export class JobSuppliesApi extends SignedInApi {
  async consumables(ticket: string): Promise<JobConsumables> {
    return JobConsumables.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/consumables`));
  }

  async choices(): Promise<StockChoices['items']> {
    return StockChoices.parse(await this.send('GET', '/api/stock/choices')).items;
  }

  async move(ticket: string, move: SupplyMove, item: string, quantity: number): Promise<void> {
    StockMoveResult.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/consumables/${move}`, { item, quantity }));
  }

  async order(ticket: string): Promise<Order> {
    return Order.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/order`));
  }

  async addItem(order: string, label: string, quantity: number, unitPrice: number): Promise<Order> {
    return Order.parse(await this.send('POST', `/api/orders/${encodeURIComponent(order)}/items`, { label, quantity, unitPrice }));
  }
}
