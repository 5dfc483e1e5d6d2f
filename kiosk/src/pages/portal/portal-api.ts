import {
  Approval, Approvals, AuthState, NewPortalRequestAnswer, PortalCategories, PortalMe, PortalOrders, PortalRequestDetail, PortalRequests,
  PortalSignInAnswer, ReaderAnnouncements,
} from '@doorside/edge/contracts';
import type { z } from 'zod';
import { sendToGateway } from '../../api/gateway-client.ts';

export type Me = z.infer<typeof PortalMe>;
export type RequestSummary = z.infer<typeof PortalRequests>['requests'][number];
export type RequestDetail = z.infer<typeof PortalRequestDetail>;
export type AskedApproval = z.infer<typeof Approvals>['approvals'][number];
export type ReaderAnnouncement = z.infer<typeof ReaderAnnouncements>['announcements'][number];
export type Category = z.infer<typeof PortalCategories>['categories'][number];
export type FollowedOrder = z.infer<typeof PortalOrders>['orders'][number];
export interface NewRequest { room: string; category: string; title: string; description: string }

/** The tenant portal's calls: sign-in by a mailed link, and what a signed-in tenant reads and answers. */
export class PortalApi {
  constructor(readonly base: URL) {}

  #send(method: string, path: string, body?: unknown): Promise<unknown> {
    return sendToGateway(this.base, method, path, body);
  }

  /** The signed-in tenant, or nothing (asked without a 401 first, so a signed-out page logs no error). */
  async me(): Promise<Me | undefined> {
    const state = AuthState.parse(await this.#send('GET', '/api/auth/state'));
    if (!state.signedIn || state.session.kind !== 'tenant') return undefined;
    return PortalMe.parse(await this.#send('GET', '/api/portal/me'));
  }

  async askLink(email: string): Promise<{ minutes: number }> {
    return PortalSignInAnswer.parse(await this.#send('POST', '/api/portal/sign-in', { email }));
  }

  /** Spends a link's token by POST: a mail scanner that only opens the address spends nothing. */
  async spendLink(token: string): Promise<Me> {
    return PortalMe.parse(await this.#send('POST', '/api/portal/session', { token }));
  }

  async signOut(): Promise<void> {
    await this.#send('POST', '/api/auth/logout');
  }

  async requests(): Promise<RequestSummary[]> {
    return PortalRequests.parse(await this.#send('GET', '/api/portal/requests')).requests;
  }

  async request(id: string): Promise<RequestDetail> {
    return PortalRequestDetail.parse(await this.#send('GET', `/api/portal/requests/${encodeURIComponent(id)}`));
  }

  async categories(): Promise<Category[]> {
    return PortalCategories.parse(await this.#send('GET', '/api/portal/categories')).categories;
  }

  async file(request: NewRequest): Promise<RequestDetail> {
    return NewPortalRequestAnswer.parse(await this.#send('POST', '/api/portal/requests', request)).request;
  }

  async approvals(): Promise<AskedApproval[]> {
    return Approvals.parse(await this.#send('GET', '/api/portal/approvals')).approvals;
  }

  async decide(id: string, decision: 'approve' | 'decline', comment?: string): Promise<z.infer<typeof Approval>> {
    return Approval.parse(await this.#send('POST', `/api/portal/approvals/${encodeURIComponent(id)}/${decision}`, comment ? { comment } : {}));
  }

  async announcements(): Promise<ReaderAnnouncement[]> {
    return ReaderAnnouncements.parse(await this.#send('GET', '/api/announcements/current')).announcements;
  }

  async markRead(id: string): Promise<void> {
    await this.#send('POST', `/api/announcements/${encodeURIComponent(id)}/read`);
  }

  async orders(): Promise<FollowedOrder[]> {
    return PortalOrders.parse(await this.#send('GET', '/api/portal/orders')).orders;
  }
}
