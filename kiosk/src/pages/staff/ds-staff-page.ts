import { css, html, nothing } from 'lit';
import { TicketId } from '@doorside/edge/contracts';
import '../../components/ds-lang-switch.ts';
import type { Lang } from '../../i18n/index.ts';
import { pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import './ds-staff-link-mark.ts';
import './ds-staff-menu.ts';
import './ds-staff-sign-in.ts';
import './ds-staff-queue-lists.ts';
import './ds-staff-ticket-detail.ts';
import type { DetailForm } from './ds-staff-ticket-detail.ts';
import { liveAddress, StaffApi } from './staff-api.ts';
import type { TicketAction } from './staff-action-form.ts';
import { type StaffState, StaffStore } from './staff-store.ts';
import { staffBase } from './staff-styles.ts';
import { namesOf } from './ticket-words.ts';
import { doneWords, explain } from './action-words.ts';

type Notice = { kind: 'ok' | 'error'; text: string } | undefined;

const TICK_MS = 30_000;

/** The staff work queue on a phone: sign in, my tickets and the team pool live, a ticket's detail and its actions. */
export class DsStaffPage extends LocalizingPage {
  static override properties = {
    state: { state: true }, busy: { state: true }, notice: { state: true }, signInError: { state: true },
    openId: { state: true }, form: { state: true },
    // Moves every half minute, so due times and overdue marks keep up with the clock.
    tick: { state: true },
  };
  declare state: StaffState;
  declare busy: boolean;
  declare notice: Notice;
  declare signInError: string;
  declare openId: string;
  declare form: DetailForm;
  declare tick: number;

  #api = new StaffApi(new URL('./', location.href));
  #store = new StaffStore(this.#api, liveAddress(location.href));
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #onHash = () => this.#follow();

  static override styles = [staffBase, css`
    :host { min-height: 100vh; background: #f6f6f6; }
    /* One short line on a phone: the person's name folds the language and signing out. */
    header { display: flex; align-items: center; gap: 8px; padding: 6px 12px; background: #fff; border-bottom: 2px solid #111; }
    /* The page's name keeps its width; the connection mark and the name menu give way first. */
    h1 { font-size: 1.2rem; margin: 0; flex: 1 0 auto; white-space: nowrap; }
    ds-lang-switch { flex: none; }
    ds-staff-link-mark { flex: 0 1 auto; min-width: 0; }
    ds-staff-menu { flex: 0 1 auto; min-width: 0; }
    main { padding: 14px; display: grid; gap: 18px; max-width: 1200px; margin: 0 auto; }
    .notice { padding: 10px 14px; border-radius: 10px; border: 2px solid #111; background: #fff; font-weight: 600; overflow-wrap: anywhere; }
    .notice.error { border-color: #a10000; color: #a10000; }
  `];

  constructor() {
    super();
    this.state = this.#store.state;
    this.speak = translator(pickLanguage(new URL(location.href).searchParams, navigator.languages).lang);
    this.busy = false;
    this.notice = undefined;
    this.signInError = '';
    this.openId = '';
    this.form = '';
    this.tick = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    document.title = this.speak.t('staff.title');
    this.#unsubscribe = this.#store.subscribe((state) => { this.state = state; });
    this.#timer = setInterval(() => { this.tick += 1; }, TICK_MS);
    addEventListener('hashchange', this.#onHash);
    this.#follow();
    void this.#store.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    clearInterval(this.#timer);
    removeEventListener('hashchange', this.#onHash);
    this.#store.stop();
  }

  override render() {
    const t = this.speak.t;
    const { phase, queue, connection } = this.state;
    return html`
      <header>
        <h1>${t('staff.title')}</h1>
        ${phase === 'signed-in' && queue ? html`
          <ds-staff-link-mark connection=${connection}></ds-staff-link-mark>
          <ds-staff-menu .name=${queue.me.name} @sign-out=${() => void this.#signOut()}
            @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-staff-menu>` : html`
          <ds-lang-switch .lang=${this.speak.lang} .label=${t('staff.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch>`}
      </header>
      <main>
        ${this.notice ? html`<p class="notice ${this.notice.kind}" role=${this.notice.kind === 'error' ? 'alert' : 'status'} data-notice=${this.notice.kind}>${this.notice.text}</p>` : nothing}
        ${phase === 'signed-in' && connection === 'crowded' ? html`<p class="notice" role="status" data-crowded>${t('live.crowded.page')}</p>` : nothing}
        ${phase === 'checking' ? html`<p role="status">${t('staff.loading')}</p>` : nothing}
        ${phase === 'signed-out' ? html`<ds-staff-sign-in .error=${this.signInError} ?busy=${this.busy}
          .notice=${this.state.signedOutBecause === 'session-ended' ? t('staff.sessionEnded') : ''} @sign-in=${this.#signIn}></ds-staff-sign-in>` : nothing}
        ${phase === 'signed-in' && queue ? (this.openId ? this.#detail() : this.#lists()) : nothing}
      </main>`;
  }

  #lists() {
    return html`<ds-staff-queue-lists .queue=${this.state.queue} .now=${this.#now()} ?busy=${this.busy}
      @ticket-action=${this.#onAction} @open-ticket=${(e: CustomEvent<{ ticket: string }>) => this.#open(e.detail.ticket)}></ds-staff-queue-lists>`;
  }

  #detail() {
    const queue = this.state.queue!;
    const entry = [...queue.mine, ...queue.pool].find((e) => e.ticket.id === this.openId);
    return html`
      <ds-staff-ticket-detail .entry=${entry} .names=${namesOf(this.state.queue)} .now=${this.#now()} ?busy=${this.busy}
        .photoUrl=${(id: string) => this.#api.photoUrl(id)} .form=${this.form} ?internalNotes=${queue.me.internalNotes} ?materials=${queue.me.materials ?? false} ?orderItems=${queue.me.orderItems ?? false}
        @ticket-action=${this.#onAction} @back=${() => this.#open('')}
        @open-form=${(e: CustomEvent<{ form: DetailForm }>) => { this.form = e.detail.form; }} @close-form=${() => { this.form = ''; }}></ds-staff-ticket-detail>`;
  }

  #onAction = (event: CustomEvent<TicketAction>): void => void this.#act(event.detail);

  async #act({ ticket, action, body = {}, photos = [] }: TicketAction): Promise<void> {
    this.busy = true;
    this.notice = undefined;
    try {
      const sent = action === 'complete' && photos.length > 0 ? { ...body, photos: await this.#api.upload(ticket, photos) } : body;
      await this.#api.act(ticket, action, sent);
      this.notice = { kind: 'ok', text: doneWords(action, ticket, sent, namesOf(this.state.queue), this.speak) };
      this.form = '';
      // A job passed on leaves my queue: back to the lists rather than a detail that is gone.
      if (action === 'transfer' || action === 'release') this.#open('');
    } catch (error) {
      this.notice = { kind: 'error', text: explain(error, ticket, this.speak) };
    } finally {
      this.busy = false;
      await this.#store.refresh().catch(() => undefined);
    }
  }

  async #signIn(event: CustomEvent<{ username: string; password: string }>): Promise<void> {
    this.busy = true;
    this.signInError = '';
    this.notice = undefined;
    try {
      await this.#store.signIn(event.detail.username, event.detail.password);
    } catch (error) {
      this.signInError = explain(error, '', this.speak);
    } finally {
      this.busy = false;
    }
  }

  async #signOut(): Promise<void> {
    this.notice = undefined;
    this.#open('');
    await this.#store.signOut();
  }

  /** Opens a ticket (or the lists, for ''), through the address so the phone's back button returns. */
  #open(id: string): void {
    if (id) location.hash = id;
    else if (location.hash) history.pushState(null, '', location.pathname + location.search);
    this.#follow();
  }

  #follow(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    const next = TicketId.safeParse(id).success ? id : '';
    if (next !== this.openId) {
      this.openId = next;
      this.form = '';
      scrollTo(0, 0);
    }
  }


  #now(): number {
    return Date.now() + this.state.skewMs;
  }
}

customElements.define('ds-staff-page', DsStaffPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-page': DsStaffPage }
}
