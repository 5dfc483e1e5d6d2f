import { StockMovements, StockMoveResult, StockOverview, StockRequests } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Overview = z.infer<typeof StockOverview>;
export type Movements = z.infer<typeof StockMovements>['movements'];
export type Requests = z.infer<typeof StockRequests>['requests'];

/** Stock as the dashboard reads and moves it: items and levels, the ledger, open requests, receipts and issues. */
export class StockApi extends SignedInApi {
  async overview(): Promise<Overview> {
    return StockOverview.parse(await this.send('GET', '/api/stock'));
  }

  async movements(limit = 30): Promise<Movements> {
    return StockMovements.parse(await this.send('GET', `/api/stock/movements?limit=${limit}`)).movements;
  }

  async requests(): Promise<Requests> {
    return StockRequests.parse(await this.send('GET', '/api/stock/requests')).requests;
  }

  async receive(item: string, quantity: number): Promise<void> {
    StockMoveResult.parse(await this.send('POST', `/api/stock/items/${encodeURIComponent(item)}/receive`, { quantity }));
  }

  async issue(ticket: string, item: string, quantity: number): Promise<void> {
    StockMoveResult.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/consumables/issue`, { item, quantity }));
  }
}
