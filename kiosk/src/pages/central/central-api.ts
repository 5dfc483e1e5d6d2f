import type { AlertView, CentralTicket, OfficeSessionView, SiteEventsAnswer, SiteKpis, SiteOverview } from '@doorside/cloud-bridge/central-views';
import { ApiError } from '../../api/api-error.ts';

export { ApiError };
export type { AlertView, CentralTicket, OfficeSessionView, SiteEventsAnswer, SiteKpis, SiteOverview };

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

  signIn(username: string, password: string): Promise<OfficeSessionView> {
    return this.#send('POST', '/api/auth/login', { username, password }) as Promise<OfficeSessionView>;
  }

  signOut(): Promise<unknown> {
    return this.#send('POST', '/api/auth/logout');
  }

  session(): Promise<OfficeSessionView> {
    return this.#send('GET', '/api/auth/session') as Promise<OfficeSessionView>;
  }

  async sites(): Promise<SiteOverview[]> {
    return ((await this.#send('GET', '/api/sites')) as { sites: SiteOverview[] }).sites;
  }

  async tickets(filter: TicketFilter): Promise<CentralTicket[]> {
    return ((await this.#send('GET', `/api/tickets${query({ ...filter })}`)) as { tickets: CentralTicket[] }).tickets;
  }

  async kpis(): Promise<SiteKpis[]> {
    return ((await this.#send('GET', '/api/kpis')) as { sites: SiteKpis[] }).sites;
  }

  async alerts(): Promise<AlertView[]> {
    return ((await this.#send('GET', '/api/alerts')) as { alerts: AlertView[] }).alerts;
  }

  events(site: string, search: AuditQuery): Promise<SiteEventsAnswer> {
    return this.#send('GET', `/api/sites/${encodeURIComponent(site)}/events${query({ ...search, limit: 50 })}`) as Promise<SiteEventsAnswer>;
  }

  async #send(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(`.${path}`, this.base), {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const parsed = (await response.json().catch(() => ({}))) as { error?: string; message?: string; details?: unknown };
    if (!response.ok) throw new ApiError(response.status, parsed.error ?? 'HTTP_ERROR', parsed.message ?? `HTTP ${response.status}`, parsed.details);
    return parsed;
  }
}
