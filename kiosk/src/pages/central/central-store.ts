import { PageStore } from '../../live/page-store.ts';
import type { AlertView, ArchivedEventsAnswer, AuditQuery, CentralApi, CentralTicket, OfficeSessionView, SiteEventsAnswer, SiteKpis, SiteOverview, TicketFilter } from './central-api.ts';

export type Tab = 'sites' | 'tickets' | 'audit' | 'kpis';

export interface CentralState {
  session: OfficeSessionView | null;
  /** False until the first session check answered, so the sign-in form does not flash. */
  ready: boolean;
  tab: Tab;
  sites: SiteOverview[];
  alerts: AlertView[];
  /** Per site, what a restore set aside: its total and the pages fetched so far. */
  setAside: Record<string, ArchivedEventsAnswer>;
  tickets: CentralTicket[];
  ticketFilter: TicketFilter;
  kpis: SiteKpis[];
  audit: { site: string; query: AuditQuery; answer: SiteEventsAnswer | null };
  /** When the sites were last fetched, for "seconds since last batch" read at that moment. */
  fetchedAt: string | null;
}

const empty: CentralState = {
  session: null, ready: false, tab: 'sites', sites: [], alerts: [], setAside: {}, tickets: [], ticketFilter: {}, kpis: [],
  audit: { site: '', query: {}, answer: null }, fetchedAt: null,
};

/** The cross-site view's one store. The central server has no push feed, so the open tab is refreshed every 15 s. */
export class CentralStore extends PageStore<CentralState> {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(readonly api: CentralApi) {
    super(empty);
  }

  async restore(): Promise<void> {
    const session = await this.api.session().catch(() => null);
    this.publish({ ...this.state, session, ready: true });
    if (session) await this.#opened();
  }

  /** Throws the server's `ApiError` on wrong credentials. */
  async signIn(username: string, password: string): Promise<void> {
    const session = await this.api.signIn(username, password);
    this.publish({ ...empty, ready: true, session });
    await this.#opened();
  }

  async signOut(): Promise<void> {
    this.stop();
    await this.api.signOut().catch(() => undefined);
    this.publish({ ...empty, ready: true });
  }

  async show(tab: Tab): Promise<void> {
    this.publish({ ...this.state, tab });
    await this.refresh();
  }

  async filterTickets(filter: TicketFilter): Promise<void> {
    this.publish({ ...this.state, ticketFilter: filter });
    this.publish({ ...this.state, tickets: await this.api.tickets(filter) });
  }

  /** The next page of a site's set-aside events, after those shown. */
  async moreSetAside(site: string): Promise<void> {
    const shown = this.state.setAside[site];
    if (!shown || shown.next === null) return;
    const page = await this.api.setAside(site, shown.next);
    this.publish({ ...this.state, setAside: { ...this.state.setAside, [site]: { ...page, events: [...shown.events, ...page.events] } } });
  }

  async searchAudit(site: string, query: AuditQuery): Promise<void> {
    const answer = site ? await this.api.events(site, query) : null;
    this.publish({ ...this.state, tab: 'audit', audit: { site, query, answer } });
  }

  /** Fetches what the open tab shows; the site list and alerts always, for the header counts. */
  async refresh(): Promise<void> {
    if (!this.state.session) return;
    const [sites, alerts] = await Promise.all([this.api.sites(), this.api.alerts()]);
    let next: CentralState = { ...this.state, sites, alerts, fetchedAt: new Date().toISOString() };
    if (next.tab === 'sites') next = { ...next, setAside: await this.#firstPages(sites) };
    if (next.tab === 'tickets') next = { ...next, tickets: await this.api.tickets(next.ticketFilter) };
    if (next.tab === 'kpis') next = { ...next, kpis: await this.api.kpis() };
    if (next.tab === 'audit' && next.audit.site) next = { ...next, audit: { ...next.audit, answer: await this.api.events(next.audit.site, next.audit.query) } };
    if (!next.audit.site && sites[0]) next = { ...next, audit: { ...next.audit, site: sites[0].site } };
    if (this.state.session) this.publish(next);
  }

  /** The first page per site; pages the reader opened further stay open while the total is unchanged. */
  async #firstPages(sites: readonly SiteOverview[]): Promise<Record<string, ArchivedEventsAnswer>> {
    const pages = await Promise.all(sites.map(async (s) => {
      const first = await this.api.setAside(s.site);
      const shown = this.state.setAside[s.site];
      return [s.site, shown && shown.total === first.total ? shown : first] as const;
    }));
    return Object.fromEntries(pages);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #opened(): Promise<void> {
    await this.refresh();
    this.stop();
    this.#timer = setInterval(() => void this.refresh().catch(() => undefined), 15_000);
  }
}
