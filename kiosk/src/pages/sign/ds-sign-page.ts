import type { RoomStatus } from '@doorside/edge/contracts';
import { css, html, LitElement, nothing } from 'lit';
import '../../components/ds-offline-mark.ts';
import '../../components/ds-status-word.ts';
import { liveAt, nextExpiry, wordsFor } from '../../components/announcement-words.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { type SignLink, signLink } from './sign-link.ts';
import type { SignState } from './sign-state.ts';
import { SignStore } from './sign-store.ts';

/** Statuses in which the sign names the ticket behind them and the room to use instead. */
const outOfUse = new Set<RoomStatus>(['do_not_use', 'pending_recovery']);

/**
 * The room sign: a full screen with the room's name and status, fed live by the
 * gateway. Nobody taps a sign, so it shows the room alone, in its configured languages:
 * no language label or switch. It reads its room and credentials from its own address.
 */
export class DsSignPage extends LitElement {
  static override properties = { state: { state: true }, now: { state: true } };
  declare state: SignState;
  declare now: Date;

  #link: SignLink = signLink(new URL(location.href), navigator.languages);
  #store = new SignStore(this.#link.room, this.#link.wsUrl);
  #speak: Translator[] = this.#link.languages.shown.map(translator);
  #stop: (() => void)[] = [];
  #expiry: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host { display: block; }
    main {
      display: flex; flex-direction: column; gap: 3vmin; box-sizing: border-box;
      min-height: 100vh; padding: 4vmin 5vmin; background: #fff; color: #111;
      font-family: system-ui, 'Noto Sans', 'Noto Sans CJK SC', sans-serif;
    }
    h1 { margin: 0; font-size: 8vmin; font-weight: 800; line-height: 1.1; }
    .where { margin: 0; font-size: 3.5vmin; color: #333; }
    .reason { margin: 0; font-size: 6vmin; font-weight: 700; }
    .since, .waiting { margin: 0; font-size: 3.8vmin; color: #222; }
    /* Calm, not an alarm: the sign still shows the last state it had. */
    .crowded { margin: 0; font-size: 3.5vmin; padding: 1.5vmin 2.5vmin; border: 0.4vmin solid #555; border-radius: 1vmin; color: #222; }
    .denied { margin: 0; font-size: 5vmin; font-weight: 700; border: 0.6vmin solid #111; padding: 3vmin; }
    /* Read from across a corridor: the number to quote at the desk, and where to go instead. */
    .ticket { margin: 0; font-size: 7vmin; font-weight: 800; letter-spacing: 0.02em; }
    .alternative { font-weight: 700; padding: 2.5vmin 3vmin; border-left: 1.5vmin solid #111; background: #f2f2f2; }
    .alternative .main { margin: 0; font-size: 6vmin; }
    .alternative .others { list-style: none; margin: 1vmin 0 0; padding: 0; font-size: 3.8vmin; }
    .announcement { padding: 2.5vmin 3vmin; border: 0.6vmin solid #111; border-radius: 1vmin; }
    .announcement .label { margin: 0; font-size: 3vmin; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
    .announcement h2 { margin: 0.5vmin 0 0; font-size: 5.5vmin; line-height: 1.15; overflow-wrap: anywhere; }
    .announcement .text { margin: 1vmin 0 0; font-size: 3.8vmin; white-space: pre-line; overflow-wrap: anywhere; }
  `;

  constructor() {
    super();
    this.state = this.#store.state;
    this.now = new Date();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.#link.languages.lang;
    this.#stop.push(this.#store.subscribe((state) => { this.state = state; this.now = new Date(); }));
    // "5 minutes ago" has to age even when nothing is pushed.
    const tick = setInterval(() => { this.now = new Date(); }, 20_000);
    this.#stop.push(() => clearInterval(tick));
    this.#store.start();
    this.#stop.push(() => this.#store.stop());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stop.splice(0)) stop();
    clearTimeout(this.#expiry);
  }

  /** An announcement leaves the sign at its expiry even if the gateway's word of it is late. */
  override updated(): void {
    clearTimeout(this.#expiry);
    const at = nextExpiry(this.state.announcements, this.now);
    if (at !== undefined) this.#expiry = setTimeout(() => { this.now = new Date(); }, Math.min(at - Date.now() + 50, 2 ** 31 - 1));
  }

  override render() {
    const [main] = this.#speak;
    if (!main) return nothing;
    const { room, connection, denied } = this.state;
    if (room) document.title = `${main.name(room.name, room.names)} · ${main.t(`status.${room.status}`)}`;
    return html`
      <main>
        ${connection === 'crowded' ? html`<p class="crowded" role="status">${main.t('live.crowded.sign')}</p>` : nothing}
        ${connection === 'offline' ? html`<ds-offline-mark .label=${main.t('sign.offline')} .hint=${main.t('sign.stale')}></ds-offline-mark>` : nothing}
        <h1>${room ? main.name(room.name, room.names) : this.#link.room}</h1>
        ${room ? html`<p class="where">${main.name(room.zone, room.zoneNames)} · ${main.t('sign.floor', { floor: room.floor })}</p>` : nothing}
      ${denied ? html`<p class="denied" role="alert">${main.t('sign.denied', { room: this.#link.room })}</p>` : nothing}
      ${!denied && room ? this.#status(main, room) : nothing}
      ${!denied ? this.#announcement(main) : nothing}
      ${!denied && !room && connection !== 'crowded' ? html`<p class="waiting">${main.t(connection === 'offline' ? 'sign.offline' : 'sign.connecting')}</p>` : nothing}
      </main>`;
  }

  #status(main: Translator, room: NonNullable<SignState['room']>) {
    const words = this.#speak.map((s) => ({ lang: s.lang, text: s.t(`status.${room.status}`) }));
    return html`
      <ds-status-word aria-label=${main.t('sign.status')} .status=${room.status} .words=${words}></ds-status-word>
      ${room.reason ? html`<p class="reason">${main.phrase(room.reasonPhrase, room.reason)}</p>` : nothing}
      ${outOfUse.has(room.status) && room.ticket ? html`<p class="ticket">${main.t('sign.ticket', { ticket: room.ticket })}</p>` : nothing}
      ${outOfUse.has(room.status) && room.alternative ? this.#alternative(room.alternative) : nothing}
      <p class="since">${main.t('sign.since', { time: main.time(room.since, this.now), ago: main.ago(room.since, this.now) })}</p>`;
  }

  /** The newest announcement live in the room, in the sign's language or the first it was written in; words as text, never markup. */
  #announcement(main: Translator) {
    const [shown] = liveAt(this.state.announcements, this.now);
    if (!shown) return nothing;
    const words = wordsFor(shown, this.#speak.map((s) => s.lang));
    return html`
      <section class="announcement" role="status" aria-labelledby="announcement-title" data-announcement=${shown.id}>
        <p class="label">${main.t('sign.announcement')}</p>
        <h2 id="announcement-title" lang=${words.lang}>${words.title}</h2>
        ${words.text ? html`<p class="text" lang=${words.lang}>${words.text}</p>` : nothing}
      </section>`;
  }

  /** Where to go instead, in each of the sign's languages: the first large, the others smaller below, as the status word does. */
  #alternative(other: NonNullable<NonNullable<SignState['room']>['alternative']>) {
    const [first, ...rest] = this.#speak.map((s) => ({ lang: s.lang, text: s.t('sign.alternative', { room: s.name(other.name, other.names), floor: other.floor }) }));
    return html`
      <div class="alternative">
        <p class="main" lang=${first?.lang ?? ''}>${first?.text}</p>
        ${rest.length === 0 ? nothing : html`<ul class="others">${rest.map((w) => html`<li lang=${w.lang}>${w.text}</li>`)}</ul>`}
      </div>`;
  }
}

customElements.define('ds-sign-page', DsSignPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-sign-page': DsSignPage }
}
