import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import type { Lang } from '../../i18n/index.ts';
import { pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import { ApiError, type AssignBody, DashboardApi, type RoomView } from './dashboard-api.ts';
import { type LiveState, DashboardStore } from './dashboard-store.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-dash-sign-in.ts';
import { type ReportsState, SiteReports } from './site-reports.ts';
import { signedInStyles, signedInView } from './signed-in-view.ts';
import { type Route, routeOf } from './dashboard-route.ts';
import { type People, peopleByUsername, personLabel } from '../../components/person-name.ts';
import type { ReasonNames } from './reason-words.ts';
import { noFilters, type TicketFilters, type TicketSort } from './ticket-filters.ts';

/** Data not pushed by the feed (device presence, the sync agent's report) is read again this often. */
const POLL_MS = 30_000;
const FIGURES_SETTLE_MS = 2_000;

/** The facility dashboard: sign in, then the whole site live, one section at a time by hash route — rooms (and each room's page), tickets and dispatch, figures, devices, sync, audit. */
export class DsDashboardPage extends LocalizingPage {
  static override properties = {
    live: { state: true }, reports: { state: true }, now: { state: true }, filters: { state: true }, sort: { state: true },
    selected: { state: true }, signInError: { state: true }, busy: { state: true }, dispatchError: { state: true }, dispatchNotice: { state: true },
    route: { state: true }, people: { state: true }, reasonNames: { state: true }, roomView: { state: true }, roomError: { state: true }, roomNotice: { state: true },
  };
  declare live: LiveState;
  declare reports: ReportsState;
  declare now: Date;
  declare filters: TicketFilters;
  declare sort: TicketSort;
  declare selected: string;
  declare signInError: string;
  declare busy: boolean;
  declare dispatchError: string;
  declare dispatchNotice: string;
  declare route: Route;
  declare people: People;
  declare reasonNames: ReasonNames;
  declare roomView: RoomView | undefined;
  declare roomError: string;
  declare roomNotice: string;

  readonly api = new DashboardApi(new URL('./', location.href));
  readonly store = new DashboardStore(this.api, wsUrl());
  readonly siteReports = new SiteReports(this.api);
  #stop: (() => void)[] = [];
  #figuresTimer: ReturnType<typeof setTimeout> | undefined;

  static override styles = [dashBase, signedInStyles, css`
    :host { min-height: 100vh; background: #f4f4f4; }
    header { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; padding: 12px 20px; background: #fff; border-bottom: 2px solid #1d1d1d; }
    header h1 { margin: 0; font-size: 1.4rem; flex: 1 1 auto; }
    .who { display: flex; gap: 10px; align-items: center; }
    main { padding: 16px 20px 40px; display: grid; gap: 20px; grid-template-columns: minmax(0, 1fr); }
    @media (max-width: 600px) { main { padding: 12px 10px 24px; } header { padding: 10px 12px; } }
    .notice { max-width: 560px; margin: 8vh auto 0; padding: 24px; background: #fff; border: 2px solid #1d1d1d; border-radius: 12px; display: grid; gap: 14px; }
  `];

  constructor() {
    super();
    const choice = pickLanguage(new URLSearchParams(location.search), navigator.languages);
    this.speak = translator(choice.lang);
    this.live = this.store.state;
    this.reports = this.siteReports.state;
    this.now = new Date();
    this.filters = noFilters;
    this.sort = 'priority';
    this.selected = '';
    this.signInError = '';
    this.busy = false;
    this.dispatchError = '';
    this.dispatchNotice = '';
    this.route = routeOf(location.hash);
    this.people = new Map();
    this.reasonNames = new Map();
    this.roomView = undefined;
    this.roomError = '';
    this.roomNotice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    this.#stop.push(this.store.subscribe((next) => this.#liveChanged(next)));
    this.#stop.push(this.siteReports.subscribe((next) => { this.reports = next; }));
    const follow = () => this.#routeChanged(routeOf(location.hash));
    window.addEventListener('hashchange', follow);
    this.#stop.push(() => window.removeEventListener('hashchange', follow));
    const tick = setInterval(() => { this.now = new Date(); }, 20_000);
    const poll = setInterval(() => this.#poll(), POLL_MS);
    this.#stop.push(() => clearInterval(tick), () => clearInterval(poll), () => clearTimeout(this.#figuresTimer), () => this.store.stop());
    void this.store.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stop.splice(0)) stop();
  }

  override render() {
    const { t } = this.speak;
    const { phase, session } = this.live;
    document.title = t('dash.title');
    return html`
      <header>
        <h1>${t('dash.title')}</h1>
        <ds-lang-switch .lang=${this.speak.lang} .label=${t('dash.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch>
        ${session ? html`<div class="who"><span data-user title=${session.user ?? session.role}>${t('dash.signedInAs', { user: session.user ? personLabel(this.people, session.user) : session.role })}</span>
          <button @click=${() => this.#signOut()}>${t('dash.signOut')}</button></div>` : nothing}
      </header>
      <main>
        ${phase === 'checking' ? html`<p class="muted">${t('dash.loading')}</p>` : nothing}
        ${phase === 'signed-out' ? html`<ds-dash-sign-in .error=${this.signInError} ?busy=${this.busy}
          .notice=${this.live.ended ? t('dash.sessionEnded') : ''} @sign-in=${this.#signIn}></ds-dash-sign-in>` : nothing}
        ${phase === 'not-allowed' ? html`<div class="notice" role="alert" data-not-allowed>
          <h2>${t('dash.notAllowedTitle')}</h2><p>${t('dash.notAllowed', { role: session?.role ?? '' })}</p>
          <div><button class="primary" @click=${() => this.#signOut()}>${t('dash.signOut')}</button></div></div>` : nothing}
        ${phase === 'ready' ? signedInView(this) : nothing}
      </main>`;
  }

  #liveChanged(next: LiveState): void {
    const before = this.live;
    this.live = next;
    if (next.phase !== 'ready') {
      if (before.phase === 'ready') this.siteReports.reset();
      return;
    }
    if (next.resync !== before.resync) {
      void this.siteReports.loadAll();
      void this.#loadPeople();
      void this.#loadReasonNames();
    } else if (next.ticketEvents !== before.ticketEvents) this.#figuresSoon();
    if (this.route.section === 'room' && (next.resync !== before.resync || next.ticketEvents !== before.ticketEvents || next.rooms !== before.rooms)) {
      void this.#loadRoom(this.route.room);
    }
  }

  /** Only the chosen section renders; the room page asks the gateway what holds its room. */
  #routeChanged(route: Route): void {
    this.route = route;
    this.roomError = '';
    this.roomNotice = '';
    if (route.section === 'room' && this.live.phase === 'ready') void this.#loadRoom(route.room);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-section]')?.focus({ preventScroll: true }));
  }

  async #loadRoom(room: string): Promise<void> {
    const view = await this.api.room(room).catch(() => undefined);
    if (this.route.section === 'room' && this.route.room === room) this.roomView = view;
  }

  async #loadPeople(): Promise<void> {
    const list = await this.api.people().catch(() => undefined);
    if (list) this.people = peopleByUsername(list);
  }

  async #loadReasonNames(): Promise<void> {
    const reasons = await this.api.reasonNames().catch(() => undefined);
    if (reasons) this.reasonNames = reasons;
  }

  async setRoomAvailable(room: string, reason: string): Promise<void> {
    this.busy = true;
    this.roomError = '';
    this.roomNotice = '';
    try {
      await this.api.setRoomAvailable(room, reason);
      this.roomNotice = this.speak.t('dash.shell.setDone');
      await this.#loadRoom(room);
    } catch (error) {
      this.roomError = this.speak.t('dash.shell.setFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }

  async setAlternativeRoom(room: string, alternative: string | null): Promise<void> {
    this.busy = true;
    this.roomError = '';
    this.roomNotice = '';
    try {
      const saved = await this.api.setAlternativeRoom(room, alternative);
      const other = saved.alternative;
      this.roomNotice = other
        ? this.speak.t('dash.alternative.saved', { room: this.speak.name(other.name, other.names) })
        : this.speak.t('dash.alternative.cleared');
      await this.#loadRoom(room);
    } catch (error) {
      this.roomError = this.speak.t('dash.shell.setFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }

  /** A burst of ticket events (a rejection writes several) asks for the figures once. */
  #figuresSoon(): void {
    clearTimeout(this.#figuresTimer);
    this.#figuresTimer = setTimeout(() => void this.siteReports.loadFigures(), FIGURES_SETTLE_MS);
  }

  #poll(): void {
    if (this.live.phase !== 'ready') return;
    void this.siteReports.loadDevices();
    void this.siteReports.loadSync();
  }

  async #signIn(event: CustomEvent<{ username: string; password: string }>): Promise<void> {
    this.busy = true;
    this.signInError = '';
    try {
      await this.store.signIn(event.detail.username, event.detail.password);
    } catch (error) {
      this.signInError = error instanceof ApiError ? this.speak.t('dash.signInFailed', { message: error.message }) : this.speak.t('dash.unreachable');
    } finally {
      this.busy = false;
    }
  }

  async #signOut(): Promise<void> {
    this.selected = '';
    await this.store.signOut();
  }

  async dispatchTicket(ticket: string, body: AssignBody): Promise<void> {
    this.busy = true;
    this.dispatchError = '';
    this.dispatchNotice = '';
    try {
      const result = await this.api.assign(ticket, body);
      this.store.acceptTicket(result.ticket);
      this.dispatchNotice = this.speak.t('dash.dispatched', { ticket, who: result.ticket.assignee ? personLabel(this.people, result.ticket.assignee) : result.ticket.team });
    } catch (error) {
      this.dispatchError = this.speak.t('dash.dispatchFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }

  pick(ticket: string): void {
    this.selected = ticket;
    this.dispatchError = '';
    this.dispatchNotice = '';
    this.route = routeOf(location.hash);
    this.people = new Map();
    this.roomView = undefined;
    this.roomError = '';
    this.roomNotice = '';
  }

}

function wsUrl(): string {
  const ws = new URL('./ws', location.href);
  ws.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws.href;
}

customElements.define('ds-dashboard-page', DsDashboardPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-dashboard-page': DsDashboardPage }
}
