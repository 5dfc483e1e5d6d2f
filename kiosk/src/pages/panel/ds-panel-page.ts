import type { Lang } from '../../i18n/index.ts';
import '../../components/ds-lang-switch.ts';
import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-status-word.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import { signLink } from '../sign/sign-link.ts';
import './ds-action-result.ts';
import './ds-finished-service.ts';
import './ds-pin-pad.ts';
import './ds-reject-view.ts';
import { IdleTimer } from './idle-timer.ts';
import { type ActionResult, ApiError, PanelApi, type RejectInput } from './panel-api.ts';
import { type PanelState, PanelStore } from './panel-store.ts';

/** A wrong PIN's answer says how many tries are left before the panel locks. */
const triesLeftOf = (details: unknown): number | undefined => {
  const left = (details as { triesLeft?: unknown } | null | undefined)?.triesLeft;
  return typeof left === 'number' ? left : undefined;
};

type View = { kind: 'list' } | { kind: 'reject'; ticket: Ticket } | { kind: 'result'; result: ActionResult };

/** The door tablet: a PIN keypad, then the room's finished services to approve or reject. */
export class DsPanelPage extends LocalizingPage {
  static override properties = { state: { state: true }, view: { state: true }, error: { state: true }, busy: { state: true }, notice: { state: true } };
  declare state: PanelState;
  declare view: View;
  declare error: string;
  declare busy: boolean;
  declare notice: string;

  #link = signLink(new URL(location.href), navigator.languages);
  #base = new URL('../', location.href);
  #store = new PanelStore(this.#link.room, this.#link.wsUrl, new PanelApi(this.#base));
  #idle = new IdleTimer(document, 60_000, () => void this.#signOut(this.speak.t('panel.idle')));
  #unsubscribe: (() => void) | undefined;

  static override styles = css`
    :host { display: block; }
    main { box-sizing: border-box; min-height: 100vh; padding: 4vmin 5vmin; display: flex; flex-direction: column; gap: 3vmin;
      background: #fff; color: #111; font-family: system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif; font-size: 3.6vmin; }
    header { display: flex; align-items: center; gap: 3vmin; }
    h1 { margin: 0; font-size: 7vmin; flex: 1; }
    h2 { margin: 0; font-size: 4.8vmin; }
    .out { min-height: 11vmin; min-width: 30vmin; font: inherit; font-size: 4vmin; font-weight: 700; border-radius: 2vmin; border: 0.4vmin solid #111; background: #fff; color: #111; }
    .notice, .offline { margin: 0; font-weight: 700; }
    .list { display: grid; gap: 2.5vmin; }
    p { margin: 0; }
  `;

  constructor() {
    super();
    this.speak = translator(this.#link.languages.lang);
    this.state = this.#store.state;
    this.view = { kind: 'list' };
    this.error = '';
    this.busy = false;
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    this.#unsubscribe = this.#store.subscribe((state) => {
      if (!state.signedIn) { this.#idle.disarm(); this.view = { kind: 'list' }; }
      this.state = state;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#idle.disarm();
    void this.#store.signOut();
  }

  override render() {
    const t = this.speak.t;
    const { signedIn, room, connection } = this.state;
    // Only a signed-in panel learns the room's name; until then the heading says what the tablet is, never the room's id.
    const heading = signedIn && room ? this.speak.name(room.name, room.names) : t('panel.title');
    document.title = signedIn && room ? `${this.speak.name(room.name, room.names)} · ${t('panel.title')}` : t('panel.title');
    return html`
      <main>
        <header>
          <h1>${heading}</h1>
          <ds-lang-switch .lang=${this.speak.lang} .label=${t('phrase.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch>
          ${signedIn ? html`<button class="out" @click=${() => this.#signOut('')}>${t('panel.signOut')}</button>` : nothing}
        </header>
        ${signedIn && connection === 'offline' ? html`<p class="offline" role="alert">${t('panel.offline')}</p>` : nothing}
        ${signedIn && connection === 'crowded' ? html`<p class="notice" role="status" data-crowded>${t('live.crowded.page')}</p>` : nothing}
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${signedIn && room ? this.#signedIn(room) : html`
          <ds-pin-pad .error=${this.error} ?busy=${this.busy} @pin-entered=${this.#signIn}></ds-pin-pad>`}
      </main>`;
  }

  #signedIn(room: NonNullable<PanelState['room']>) {
    const t = this.speak.t;
    const words = [{ lang: this.speak.lang, text: t(`status.${room.status}`) }];
    const status = html`<ds-status-word aria-label=${t('sign.status')} .status=${room.status} .words=${words}></ds-status-word>`;
    if (this.view.kind === 'result') {
      return html`${status}<ds-action-result .result=${this.view.result} @done=${() => { this.view = { kind: 'list' }; }}></ds-action-result>`;
    }
    if (this.view.kind === 'reject') {
      const { ticket } = this.view;
      const category = this.state.categories.find((c) => c.id === ticket.category);
      return html`<ds-reject-view .ticket=${ticket} .category=${category} ?busy=${this.busy} .error=${this.error}
        @back=${() => { this.view = { kind: 'list' }; this.error = ''; }} @confirm-reject=${(e: CustomEvent<RejectInput>) => this.#reject(ticket, e.detail)}></ds-reject-view>`;
    }
    const finished = room.openTickets.filter((x) => x.status === 'done');
    const others = room.openTickets.filter((x) => x.status !== 'done');
    return html`
      ${status}
      ${this.error ? html`<p class="notice" role="alert">${this.error}</p>` : nothing}
      <section class="list" aria-labelledby="finished"><h2 id="finished">${t('panel.finished')}</h2>
        ${finished.map((x) => html`<ds-finished-service .ticket=${x} .photoBase=${this.#base} ?busy=${this.busy}
          @approve-service=${() => this.#approve(x)} @reject-service=${() => { this.error = ''; this.view = { kind: 'reject', ticket: x }; }}></ds-finished-service>`)}
        ${finished.length === 0 ? html`<p data-empty="finished">${t('review.nothingWaiting')}</p>` : nothing}
      </section>
      <section class="list" aria-labelledby="open"><h2 id="open">${t('panel.open')}</h2>
        ${others.map((x) => html`<ds-finished-service .ticket=${x}></ds-finished-service>`)}
        ${others.length === 0 ? html`<p data-empty="open">${room.openTickets.length === 0 ? t('panel.none') : t('review.noOtherOpen')}</p>` : nothing}
      </section>`;
  }

  async #signIn(event: CustomEvent<{ pin: string }>): Promise<void> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await this.#store.signIn(event.detail.pin);
      this.#idle.arm();
    } catch (error) {
      this.error = this.#explain(error, 'panel.signInFailed');
    } finally {
      this.busy = false;
    }
  }

  async #signOut(notice: string): Promise<void> {
    this.#idle.disarm();
    this.error = '';
    this.notice = notice;
    await this.#store.signOut();
  }

  #approve(ticket: Ticket): Promise<void> {
    return this.#act(async (api) => api.approve(ticket.id));
  }

  #reject(ticket: Ticket, input: RejectInput): Promise<void> {
    return this.#act(async (api) => api.reject(ticket.id, input));
  }

  async #act(action: (api: PanelApi) => Promise<ActionResult>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const result = await action(this.#store.api);
      this.view = { kind: 'result', result };
      await this.#store.refresh();
    } catch (error) {
      this.error = this.#explain(error, 'panel.failed');
    } finally {
      this.busy = false;
    }
  }

  #explain(error: unknown, fallback: 'panel.signInFailed' | 'panel.failed'): string {
    const t = this.speak.t;
    if (error instanceof ApiError && error.retryAfterSeconds !== undefined) return t('panel.locked', { seconds: error.retryAfterSeconds });
    if (error instanceof ApiError && error.code === 'OWN_WORK') return t('panel.ownWork');
    const triesLeft = error instanceof ApiError ? triesLeftOf(error.details) : undefined;
    if (triesLeft !== undefined) return this.speak.plural('panel.wrongPin', triesLeft);
    if (error instanceof ApiError) return fallback === 'panel.failed' ? t('panel.failed', { message: error.message }) : t('panel.signInFailed');
    return fallback === 'panel.failed' ? t('panel.failed', { message: String(error) }) : t(fallback);
  }
}

customElements.define('ds-panel-page', DsPanelPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-panel-page': DsPanelPage }
}
