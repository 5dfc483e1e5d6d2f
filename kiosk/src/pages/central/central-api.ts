import {
  AlertsAnswer, ArchivedEventsAnswer, KpisAnswer, OfficeAuthState, OfficeSessionView, SiteEventsAnswer, SitesAnswer, TicketsAnswer,
  type AlertView, type CentralTicket, type SiteKpis, type SiteOverview,
} from '@doorside/cloud-bridge/central-views';
import { ApiError, sendToGateway } from '../../api/gateway-client.ts';

export { ApiError };
export type { AlertView, ArchivedEventsAnswer, CentralTicket, OfficeSessionView, SiteEventsAnswer, SiteKpis, SiteOverview };

export interface TicketFilter { site?: string; status?: string; team?: string; priority?: string; room?: string }
export interface AuditQuery { type?: string; entity?: string; actor?: string; before?: number }

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
};

/** The central server's head-office API as the cross-site view uses it; the session travels in its cookie. */
export class CentralApi {
  constructor(private readonly base: URL) {}

  async signIn(username: string, password: string): Promise<OfficeSessionView> {
    return OfficeSessionView.parse(await this.#send('POST', '/api/auth/login', { username, password }));
  }

  async signOut(): Promise<void> {
    await this.#send('POST', '/api/auth/logout');
  }

  /** The current session, or null when no one is signed in (asked without a 401, so the console stays clean). */
  async session(): Promise<OfficeSessionView | null> {
    const state = OfficeAuthState.parse(await this.#send('GET', '/api/auth/state'));
    return state.signedIn ? state.session : null;
  }

  async sites(): Promise<SiteOverview[]> {
    return SitesAnswer.parse(await this.#send('GET', '/api/sites')).sites;
  }

  async tickets(filter: TicketFilter): Promise<CentralTicket[]> {
    return TicketsAnswer.parse(await this.#send('GET', `/api/tickets${query({ ...filter })}`)).tickets;
  }

  async kpis(): Promise<SiteKpis[]> {
    return KpisAnswer.parse(await this.#send('GET', '/api/kpis')).sites;
  }

  async alerts(): Promise<AlertView[]> {
    return AlertsAnswer.parse(await this.#send('GET', '/api/alerts')).alerts;
  }

  async events(site: string, search: AuditQuery): Promise<SiteEventsAnswer> {
    return SiteEventsAnswer.parse(await this.#send('GET', `/api/sites/${encodeURIComponent(site)}/events${query({ ...search, limit: 50 })}`));
  }

  /** One page of what the central copy set aside for the site when it was restored from a backup. */
  async setAside(site: string, offset = 0): Promise<ArchivedEventsAnswer> {
    return ArchivedEventsAnswer.parse(await this.#send('GET', `/api/sites/${encodeURIComponent(site)}/archived-events${query({ offset, limit: 20 })}`));
  }

  #send(method: string, path: string, body?: unknown): Promise<unknown> {
    return sendToGateway(this.base, method, path, body);
  }
}
