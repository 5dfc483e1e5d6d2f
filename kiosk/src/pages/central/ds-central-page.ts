import type { Lang } from '../../i18n/index.ts';
import '../../components/ds-lang-switch.ts';
import { css, html, nothing } from 'lit';
import { pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import { ApiError, type AuditQuery, CentralApi, type TicketFilter } from './central-api.ts';
import { type CentralState, CentralStore, type Tab } from './central-store.ts';
import { centralStyles } from './central-styles.ts';
import './ds-audit-trail.ts';
import './ds-central-sign-in.ts';
import './ds-kpi-charts.ts';
import './ds-site-list.ts';
import './ds-ticket-table.ts';

const tabs: { tab: Tab; key: 'central.tabSites' | 'central.tabTickets' | 'central.tabAudit' | 'central.tabKpis' }[] = [
  { tab: 'sites', key: 'central.tabSites' }, { tab: 'tickets', key: 'central.tabTickets' },
  { tab: 'audit', key: 'central.tabAudit' }, { tab: 'kpis', key: 'central.tabKpis' },
];

/** Head office's view across sites: sign-in, then sites, tickets, audit trails and KPIs. */
export class DsCentralPage extends LocalizingPage {
  static override properties = { state: { state: true }, error: { state: true }, busy: { state: true } };
  declare state: CentralState;
  declare error: string;
  declare busy: boolean;

  #store = new CentralStore(new CentralApi(new URL('./', location.href)));
  #unsubscribe: (() => void) | undefined;

  static override styles = [centralStyles, css`
    :host { min-height: 100vh; background: #f4f5f7; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; padding: 0.75rem 1rem; background: #0b3d91; color: #fff; }
    header h1 { margin: 0; font-size: 1.35rem; flex: 1; min-width: 12rem; }
    header button { border-color: #fff; }
    nav { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0.75rem 1rem 0; }
    nav button[aria-current='page'] { background: #0b3d91; color: #fff; }
    main { padding: 1rem; max-width: 90rem; margin: 0 auto; }
  `];

  constructor() {
    super();
    this.speak = translator(pickLanguage(new URLSearchParams(location.search), navigator.languages).lang);
    this.state = this.#store.state;
    this.error = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    this.#unsubscribe = this.#store.subscribe((state) => { this.state = state; });
    void this.#store.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#store.stop();
  }

  override render() {
    const t = this.speak.t;
    const { session, ready } = this.state;
    document.title = t('central.title');
    return html`
      <header>
        <h1>${t('central.title')}</h1>
        <ds-lang-switch .lang=${this.speak.lang} .label=${t('phrase.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch>
        ${session ? html`<span>${t('central.signedInAs', { user: session.user })}</span>
          <button type="button" @click=${() => void this.#store.signOut()}>${t('central.signOut')}</button>` : nothing}
      </header>
      ${session ? this.#nav() : nothing}
      <main>
        ${this.error && session ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!ready ? html`<p>${t('central.loading')}</p>` : session ? this.#content() : html`
          <ds-central-sign-in .error=${this.error} ?busy=${this.busy} @sign-in=${this.#signIn}></ds-central-sign-in>`}
      </main>`;
  }

  #nav() {
    const t = this.speak.t;
    return html`<nav aria-label=${t('central.sections')}>${tabs.map(({ tab, key }) => html`
      <button type="button" aria-current=${this.state.tab === tab ? 'page' : 'false'} @click=${() => this.#run(() => this.#store.show(tab))}>${t(key)}</button>`)}
    </nav>`;
  }

  #content() {
    const s = this.state;
    const speak = this.speak;
    switch (s.tab) {
      case 'sites':
        return html`<ds-site-list .sites=${s.sites} .alerts=${s.alerts} .setAside=${s.setAside} .now=${s.fetchedAt ?? new Date().toISOString()}
          @more-set-aside=${(e: CustomEvent<{ site: string }>) => this.#run(() => this.#store.moreSetAside(e.detail.site))}
          @open-audit=${(e: CustomEvent<{ site: string }>) => this.#run(() => this.#store.searchAudit(e.detail.site, {}))}></ds-site-list>`;
      case 'tickets':
        return html`<ds-ticket-table .tickets=${s.tickets} .sites=${s.sites} .filter=${s.ticketFilter}
          @filter-change=${(e: CustomEvent<TicketFilter>) => this.#run(() => this.#store.filterTickets(e.detail))}></ds-ticket-table>`;
      case 'audit':
        return html`<ds-audit-trail .sites=${s.sites} .site=${s.audit.site} .query=${s.audit.query} .answer=${s.audit.answer}
          @audit-search=${(e: CustomEvent<{ site: string; query: AuditQuery }>) => this.#run(() => this.#store.searchAudit(e.detail.site, e.detail.query))}></ds-audit-trail>`;
      case 'kpis':
        return html`<ds-kpi-charts .kpis=${s.kpis}></ds-kpi-charts>`;
    }
  }

  async #signIn(event: CustomEvent<{ username: string; password: string }>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await this.#store.signIn(event.detail.username, event.detail.password);
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 401 ? this.speak.t('central.badCredentials') : this.#explain(error);
    } finally {
      this.busy = false;
    }
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.error = '';
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) await this.#store.signOut();
      else this.error = this.#explain(error);
    }
  }

  #explain(error: unknown): string {
    const t = this.speak.t;
    if (error instanceof ApiError && error.code === 'SITE_NOT_GRANTED') return t('central.notGranted');
    return t('central.failed', { message: error instanceof Error ? error.message : String(error) });
  }
}

customElements.define('ds-central-page', DsCentralPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-central-page': DsCentralPage }
}
