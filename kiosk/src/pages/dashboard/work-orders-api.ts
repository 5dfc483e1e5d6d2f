import { SentWorkOrder, Vendor, VendorList, WorkOrder, WorkOrderList, type WorkOrderStatus } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Sent = z.infer<typeof SentWorkOrder>;
export interface OrderFilters { status: WorkOrderStatus | ''; vendor: string }
export interface NewOrder { vendor: string; instructions: string; dueAt?: string; costLimit?: { amount: number; currency: string }; shareReporterContact: boolean }
export interface NewVendor { name: string; trade: string; email: string; language: string; contacts: { name: string; email: string; phone: string | null; language: string }[] }

/** Work orders and vendors as the dashboard reads and moves them. */
export class WorkOrdersApi extends SignedInApi {
  async list(filters: OrderFilters): Promise<WorkOrder[]> {
    const query = new URLSearchParams();
    if (filters.status) query.set('status', filters.status);
    if (filters.vendor) query.set('vendor', filters.vendor);
    return WorkOrderList.parse(await this.send('GET', `/api/work-orders?${query}`)).workOrders;
  }

  async ofTicket(ticket: string): Promise<WorkOrder[]> {
    return WorkOrderList.parse(await this.send('GET', `/api/work-orders?ticket=${encodeURIComponent(ticket)}`)).workOrders;
  }

  async vendors(): Promise<Vendor[]> {
    return VendorList.parse(await this.send('GET', '/api/vendors')).vendors;
  }

  async addVendor(body: NewVendor): Promise<Vendor> {
    return Vendor.parse(await this.send('POST', '/api/vendors', body));
  }

  async sendOrder(ticket: string, body: NewOrder): Promise<Sent> {
    return SentWorkOrder.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/work-orders`, body));
  }

  async step(id: string, action: 'verify' | 'reject' | 'withdraw', reason?: string): Promise<WorkOrder> {
    const body = action === 'verify' ? {} : { reason };
    return WorkOrder.parse(await this.send('POST', `/api/work-orders/${encodeURIComponent(id)}/${action}`, body));
  }

  async reissue(id: string, contact: string): Promise<Sent> {
    return SentWorkOrder.parse(await this.send('POST', `/api/work-orders/${encodeURIComponent(id)}/contacts/${encodeURIComponent(contact)}/link`));
  }

  async revoke(id: string, contact: string): Promise<WorkOrder> {
    return WorkOrder.parse(await this.send('DELETE', `/api/work-orders/${encodeURIComponent(id)}/contacts/${encodeURIComponent(contact)}/link`));
  }

  fileUrl(id: string, attachment: string): string {
    return new URL(`./api/work-orders/${encodeURIComponent(id)}/files/${encodeURIComponent(attachment)}`, this.base).href;
  }
}
