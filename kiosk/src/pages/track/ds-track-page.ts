import type { TrackView } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import '../../components/ds-announcement-list.ts';
import type { AnnouncementWords } from '../../components/announcement-words.ts';
import type { Lang } from '../../i18n/index.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import { categoryName } from '../report/category-name.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { explainProblem } from '../report/explain-problem.ts';
import { sendProblem } from '../report/send-problem.ts';
import './ds-dispute-form.ts';
import './ds-rating-form.ts';
import type { RatingInput } from './ds-rating-form.ts';
import './ds-track-steps.ts';
import './ds-order-summary.ts';
import './ds-receipt.ts';
import type { Order, Receipt } from '@doorside/edge/contracts';
import { TrackApi, type DisputeInput } from './track-api.ts';
import { trackLink } from './track-link.ts';
import { type TrackState, TrackStore } from './track-store.ts';

/** The occupant's tracking link: the report's progress live, a rating once done, and "not resolved" where allowed. */
export class DsTrackPage extends LocalizingPage {
  static override properties = {
    state: { state: true }, now: { state: true }, disputing: { state: true },
    sending: { state: true }, failure: { state: true }, rating: { state: true }, ratingFailure: { state: true }, receipt: { state: true }, order: { state: true }, paying: { state: true }, payFailed: { state: true },
    announcements: { state: true },
  };
  /** What the property team announced for the ticket's room, live now. */
  declare announcements: AnnouncementWords[];
  declare state: TrackState;
  declare now: Date;
  declare disputing: boolean;
  declare sending: number | null;
  declare failure: string;
  declare rating: boolean;
  declare ratingFailure: string;
  declare receipt: Receipt | undefined;
  /** The paid order behind the link; a free report has none. */
  declare order: Order | undefined;
  /** Pay now is starting a payment; it could not. */
  declare paying: boolean;
  declare payFailed: boolean;
  /** The view's last change the receipt was read for: money moves with the order, which changes the view. */
  #receiptFor = '';

  #link = trackLink(new URL(location.href), navigator.languages);
  #api = new TrackApi(this.#link.base, this.#link.token);
  #store = new TrackStore(this.#link.wsUrl, this.#api);
  #stop: (() => void)[] = [];
  /** The score a rating link in the closing mail carried (`?rate=1..5`): chosen in the form, sent only when confirmed. */
  #mailedScore = ((n) => (Number.isInteger(n) && n >= 1 && n <= 5 ? n : 0))(Number(new URL(location.href).searchParams.get('rate')));

  static override styles = [occupantLook, css`
    main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 3rem; display: grid; gap: 1.25rem; }
    .top { display: flex; justify-content: flex-end; }
    header { display: grid; gap: 0.3rem; }
    h1 { font-size: 1.6rem; }
    .live { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 700; color: #0b5d2a; }
    .live::before { content: ''; width: 0.7rem; height: 0.7rem; border-radius: 50%; background: currentColor; }
    .card { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; }
    .wide { width: 100%; }
  `];

  constructor() {
    super();
    this.speak = translator(this.#link.languages.lang);
    this.state = this.#store.state;
    this.now = new Date();
    this.paying = false;
    this.payFailed = false;
    this.disputing = false;
    this.sending = null;
    this.failure = '';
    this.rating = false;
    this.ratingFailure = '';
    this.announcements = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    this.#stop.push(this.#store.subscribe((state) => {
      // The feed sends the room's announcements as one goes up or down; after a gap offline they are read once again.
      if (state.announcements && state.announcements !== this.state.announcements) this.announcements = state.announcements;
      else if (state.connection === 'live' && this.state.connection !== 'live') this.#readAnnouncements();
      this.state = state;
      this.now = new Date();
      this.#readReceipt();
    }));
    const tick = setInterval(() => { this.now = new Date(); }, 30_000);
    this.#readAnnouncements();
    this.#stop.push(() => clearInterval(tick));
    this.#store.start();
    this.#stop.push(() => this.#store.stop());
  }

  /** Pay now: the payment for what is due, then the provider's page (the simulated one brings the payer back here). */
  async #payNow(): Promise<void> {
    this.paying = true;
    this.payFailed = false;
    try {
      const { url } = await this.#api.payNow();
      if (!url) throw new Error('no place to pay');
      const target = new URL(url, location.href);
      // A provider page on the web (the simulated one) is told the language and the way back here, a path on this gateway.
      if (target.protocol === 'https:' || target.protocol === 'http:') {
        target.searchParams.set('lang', this.speak.lang);
        target.searchParams.set('back', `${location.pathname}${location.search}`);
      }
      location.assign(target.href);
    } catch {
      this.payFailed = true;
      this.paying = false;
    }
  }

  #readReceipt(): void {
    const at = this.state.view?.updatedAt;
    if (!at || at === this.#receiptFor) return;
    this.#receiptFor = at;
    // The receipt says whether an order stands behind the link, so a free report never asks for one.
    this.#api.receipt().then((r) => {
      this.receipt = r;
      if (r.order) this.#api.order().then((o) => { this.order = o; }, () => {});
    }, () => {});
  }

  #readAnnouncements(): void {
    this.#api.announcements().then((list) => { this.announcements = list; }, () => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stop.splice(0)) stop();
  }

  override render() {
    const t = this.speak.t;
    const { view, unknown, connection } = this.state;
    document.title = view ? `${t('track.heading', { ticket: view.ticket })} · ${view.room.name}` : t('track.title');
    return html`
      <main>
        <div class="top"><ds-lang-switch .lang=${this.speak.lang} .label=${t('track.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch></div>
        ${unknown ? html`<p class="alert" role="alert" data-unknown>${t('track.unknown')}</p>` : nothing}
        ${!unknown && !view ? html`<p role="status">${t(connection === 'offline' ? 'track.loadFailed' : 'track.loading')}</p>` : nothing}
        ${!unknown && view ? this.#view(view) : nothing}
      </main>`;
  }

  #view(view: TrackView) {
    const t = this.speak.t;
    const category = categoryName(this.speak, { id: view.category, name: view.category });
    return html`
      <header>
        <h1>${t('track.heading', { ticket: view.ticket })}</h1>
        <p>${this.speak.name(view.room.name, view.room.names)} · ${category}</p>
        ${this.state.connection === 'live'
          ? html`<p class="live" data-live>${t('track.live')}</p>`
          : html`<p class="alert" role="status">${t('track.offline')}</p>`}
      </header>
      <ds-announcement-list .announcements=${this.announcements}></ds-announcement-list>
      <section class="card" aria-labelledby="progress">
        <h2 id="progress" class="sr">${t('track.progress')}</h2>
        <ds-track-steps .phase=${view.phase}></ds-track-steps>
      </section>
      ${this.#vendorWork(view)}
      ${view.phase === 'rejected' && view.rejection ? html`<p class="alert" role="status" data-rejection>
        ${t(view.rejection.byOccupant ? 'track.disputed' : 'track.rejected', { reason: this.speak.name(view.rejection.reason, view.rejection.names) })}</p>` : nothing}
      ${view.phase === 'cancelled' ? html`<p class="alert" role="status">${t('track.cancelled')}</p>` : nothing}
      ${view.replies.length ? html`<section class="card" data-replies aria-labelledby="replies-title"><h2 id="replies-title">${t('inq.track.replies')}</h2>
        <ul>${view.replies.map((r) => html`<li data-reply><p>${r.text}</p><p class="hint">${this.speak.time(r.at, new Date())}</p></li>`)}</ul></section>` : nothing}
      <ds-order-summary .order=${this.order} .now=${this.now} .paying=${this.paying} .payFailed=${this.payFailed} @pay-now=${() => void this.#payNow()}></ds-order-summary>
      <ds-receipt .receipt=${this.receipt} .now=${this.now}></ds-receipt>
      <p class="hint">${t('track.updated', { ago: this.speak.ago(view.updatedAt, this.now) })}</p>
      ${view.rating ? html`<p class="ok" role="status" data-rated>${t('track.rated', { score: view.rating.score })}</p>` : nothing}
      ${view.mayRate ? html`<section class="card"><ds-rating-form ?busy=${this.rating} .failure=${this.ratingFailure} .score=${this.#mailedScore}
        @send-rating=${this.#rate}></ds-rating-form></section>` : nothing}
      ${this.#dispute(view)}`;
  }

  /** A service company's start and done, as steps of their own: the ticket's status stays as it was. */
  #vendorWork(view: TrackView) {
    const steps = view.history.filter((h) => h.code);
    if (steps.length === 0) return nothing;
    const t = this.speak.t;
    return html`<section class="card" aria-labelledby="vendor-work-title" data-vendor-work><h2 id="vendor-work-title">${t('track.vendorWork')}</h2>
      <ul>${steps.map((h) => html`<li data-work=${h.code!}>${t(h.code === 'work-started' ? 'track.workStarted' : 'track.workDone', { time: this.speak.time(h.at, this.now) })}</li>`)}</ul></section>`;
  }

  #dispute(view: TrackView) {
    const t = this.speak.t;
    if (!view.mayDispute) return view.phase === 'done' ? html`<p class="hint" data-no-dispute>${t('track.disputeNotAllowed')}</p>` : nothing;
    if (!this.disputing) return html`<button class="wide" type="button" data-dispute @click=${() => { this.disputing = true; this.failure = ''; }}>${t('track.disputeOpen')}</button>`;
    return html`<section class="card"><ds-dispute-form .reasons=${view.disputeReasons} .reasonNames=${view.disputeReasonNames} .freeText=${view.disputeFreeText}
      .sending=${this.sending} .failure=${this.failure} @cancel=${() => { this.disputing = false; }} @send-dispute=${this.#sendDispute}></ds-dispute-form></section>`;
  }

  async #rate(event: CustomEvent<RatingInput>): Promise<void> {
    this.rating = true;
    this.ratingFailure = '';
    try {
      this.#store.replace(await this.#api.rate(event.detail.score, event.detail.comment));
    } catch (error) {
      this.ratingFailure = this.#explain(error);
    } finally {
      this.rating = false;
    }
  }

  async #sendDispute(event: CustomEvent<DisputeInput>): Promise<void> {
    if (this.sending !== null) return;
    this.sending = 0;
    this.failure = '';
    try {
      const view = await this.#api.dispute(event.detail, (f) => { this.sending = Math.min(99, Math.round(f * 100)); });
      this.disputing = false;
      this.#store.replace(view);
    } catch (error) {
      this.failure = this.#explain(error);
    } finally {
      this.sending = null;
    }
  }

  #explain(error: unknown): string {
    const t = this.speak.t;
    const problem = sendProblem(error);
    if (problem.kind === 'network') return t('track.errorNetwork');
    if (problem.kind === 'busy') return t('track.errorBusy', { seconds: problem.seconds });
    if (problem.kind === 'other' && problem.code === 'DISPUTE_NOT_ALLOWED') return t('track.disputeNotAllowed');
    if (problem.kind === 'other') return t('track.errorOther', { message: problem.message });
    return explainProblem(this.speak, problem);
  }

}

customElements.define('ds-track-page', DsTrackPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-track-page': DsTrackPage }
}
