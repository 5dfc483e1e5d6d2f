import type { OccupantRoomView, OccupantTicket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import '../../components/ds-announcement-list.ts';
import type { AnnouncementWords } from '../../components/announcement-words.ts';
import type { Lang } from '../../i18n/index.ts';
import { translator } from '../../i18n/translator.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import './ds-add-note.ts';
import type { NoteInput } from './ds-add-note.ts';
import './ds-paid-services.ts';
import './ds-report-form.ts';
import './ds-report-sent.ts';
import './ds-room-header.ts';
import { categoryName } from './category-name.ts';
import { occupantLook } from './occupant-look.ts';
import { ReportApi, type ReportDraft, type ReportSent } from './report-api.ts';
import { reportLink } from './report-link.ts';
import { RoomFeed, roomFeedAddress } from './room-feed.ts';
import { explainProblem } from './explain-problem.ts';
import { type SendProblem, sendProblem } from './send-problem.ts';

type Load = { kind: 'loading' } | { kind: 'failed'; problem: SendProblem } | { kind: 'ready'; room: OccupantRoomView };
/** What the page shows below the room: its default, the report form, or a note for one open ticket. */
type Mode = { kind: 'default' } | { kind: 'form' } | { kind: 'note'; ticket: OccupantTicket };

/** The page a room's QR code opens: the room's status, then a report, or a note on the report already open. */
export class DsReportPage extends LocalizingPage {
  static override properties = {
    load: { state: true }, mode: { state: true }, sending: { state: true },
    failure: { state: true }, contactError: { state: true }, sent: { state: true }, noteAdded: { state: true }, reviewing: { state: true },
    announcements: { state: true },
  };
  /** What the property team announced for this room, live now. */
  declare announcements: AnnouncementWords[];
  declare load: Load;
  declare mode: Mode;
  declare sending: number | null;
  declare failure: string;
  declare contactError: boolean;
  declare sent: ReportSent | null;
  declare noteAdded: string | null;
  /** Whether the review of finished services has arrived (only for a browser with a staff session). */
  declare reviewing: boolean;

  #link = reportLink(new URL(location.href), navigator.languages);
  #api = new ReportApi(this.#link);
  /** The room's status follows the room while the page is open: a report elsewhere, Do Not Use set by staff. */
  #feed = new RoomFeed(roomFeedAddress(this.#link), () => void this.#follow());
  #following: Promise<void> | undefined;
  #followAgain = false;

  static override styles = [occupantLook, css`
    main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 3rem; display: grid; gap: 1.25rem; }
    .top { display: flex; justify-content: flex-end; }
    .notice { border: 4px solid #a4000f; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; background: #fff; }
    .notice h2 { color: #a4000f; font-size: 1.35rem; }
    .held { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.6rem; }
    .held ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    .held li { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; }
    .wide { width: 100%; }
  `];

  constructor() {
    super();
    this.speak = translator(this.#link.languages.lang);
    this.load = { kind: 'loading' };
    this.mode = { kind: 'default' };
    this.sending = null;
    this.failure = '';
    this.contactError = false;
    this.sent = null;
    this.noteAdded = null;
    this.reviewing = false;
    this.announcements = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    // The shell started this request before the script arrived; take it once.
    const early = window.dsRoomView;
    delete window.dsRoomView;
    void this.#open(early);
    if (this.#link.k) this.#feed.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#feed.stop();
  }

  override render() {
    const t = this.speak.t;
    const room = this.load.kind === 'ready' ? this.load.room : undefined;
    document.title = room ? `${this.speak.name(room.name, room.names)} · ${t('report.title')}` : t('report.title');
    return html`
      <main>
        <div class="top"><ds-lang-switch .lang=${this.speak.lang} .label=${t('report.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch></div>
        ${this.load.kind === 'loading' ? html`<p role="status">${t('report.loading')}</p>` : nothing}
        ${this.load.kind === 'failed' ? this.#loadFailed(this.load.problem) : nothing}
        ${room ? html`<ds-room-header .room=${room}></ds-room-header>
          <ds-announcement-list .announcements=${this.announcements}></ds-announcement-list>
          ${this.reviewing ? html`<ds-room-review .room=${room.id} .base=${this.#link.base}></ds-room-review>` : nothing}
          ${this.#body(room)}` : nothing}
      </main>`;
  }

  #body(room: OccupantRoomView) {
    const t = this.speak.t;
    if (this.sent) {
      return html`<ds-report-sent .ticket=${this.sent.ticket} .trackUrl=${this.#api.trackUrl(this.sent.trackToken, this.speak.lang).href}
        @report-another=${() => { this.sent = null; this.mode = { kind: 'form' }; }}></ds-report-sent>`;
    }
    if (this.noteAdded) {
      return html`<p class="ok" role="status" data-note-added=${this.noteAdded}>${t('report.noteAdded', { ticket: this.noteAdded })}</p>
        <button class="wide" type="button" @click=${() => { this.noteAdded = null; this.mode = { kind: 'form' }; }}>${t('report.newInstead')}</button>`;
    }
    const [behind] = room.openTickets;
    if (this.mode.kind === 'note') return this.#note(this.mode.ticket, true);
    if (room.status === 'do_not_use' && this.mode.kind === 'default') {
      return html`
        <section class="notice" role="alert" data-dnu>
          <h2>${t('report.dnuTitle')}</h2>
          ${room.reason ? html`<p>${t('report.dnuReason', { reason: this.speak.phrase(room.reasonPhrase, room.reason) })}</p>` : nothing}
          ${behind ? html`<p>${t('report.dnuKnown', { ticket: behind.id })}</p>` : nothing}
        </section>
        ${behind ? this.#note(behind, false) : nothing}
        ${behind ? html`<button class="wide" type="button" data-new-report @click=${() => { this.mode = { kind: 'form' }; }}>${t('report.newInstead')}</button>` : this.#form(room)}`;
    }
    const held = room.status !== 'available' && room.openTickets.length > 0 && this.mode.kind === 'default';
    return html`
      ${held ? html`
        <section class="held" aria-labelledby="held-title">
          <h2 id="held-title">${t('report.heldTitle')}</h2>
          <ul>${room.openTickets.map((x) => html`<li>
            <span>${t('report.heldTicket', { ticket: x.id, category: categoryName(this.speak, room.categories.find((c) => c.id === x.category) ?? { id: x.category, name: x.category }) })}</span>
            <button type="button" @click=${() => { this.failure = ''; this.mode = { kind: 'note', ticket: x }; }}>${t('report.addTo', { ticket: x.id })}</button></li>`)}
          </ul>
        </section>` : nothing}
      ${this.mode.kind === 'form' && room.status === 'do_not_use' ? html`
        <button type="button" @click=${() => { this.failure = ''; this.mode = { kind: 'default' }; }}>${t('report.backToNotice')}</button>` : nothing}
      ${this.#form(room)}
      ${room.status === 'do_not_use' ? nothing : html`<ds-paid-services .link=${this.#link}></ds-paid-services>`}`;
  }

  #form(room: OccupantRoomView) {
    return html`<ds-report-form .categories=${room.categories} .sending=${this.sending} .failure=${this.failure}
      .contactError=${this.contactError} @send-report=${this.#sendReport}></ds-report-form>`;
  }

  #note(ticket: OccupantTicket, withBack: boolean) {
    return html`
      <ds-add-note .ticket=${ticket} .sending=${this.sending} .failure=${this.failure} @send-note=${this.#sendNote}></ds-add-note>
      ${withBack ? html`<button type="button" @click=${() => { this.failure = ''; this.mode = { kind: 'default' }; }}>${this.speak.t('report.backToNotice')}</button>` : nothing}`;
  }

  #loadFailed(problem: SendProblem) {
    const t = this.speak.t;
    const final = { 'code-replaced': 'report.codeReplaced', 'code-wrong': 'report.codeWrong', 'not-found': 'report.roomUnknown' } as const;
    if (problem.kind in final) return html`<p class="alert" role="alert" data-code-problem>${t(final[problem.kind as keyof typeof final])}</p>`;
    return html`<p class="alert" role="alert">${problem.kind === 'other' ? t('report.errorOther', { message: problem.message }) : t('report.loadFailed')}</p>
      <button type="button" @click=${() => void this.#open()}>${t('report.retry')}</button>`;
  }

  async #open(early?: Promise<Response>): Promise<void> {
    this.load = { kind: 'loading' };
    try {
      this.load = { kind: 'ready', room: await this.#api.roomView(early) };
      void this.#readAnnouncements();
      if (this.load.room.signedIn && !this.reviewing) void this.#loadReview();
    } catch (error) {
      this.load = { kind: 'failed', problem: sendProblem(error) };
    }
  }

  /**
   * Reads the room again and shows its new status; the form and whatever the occupant typed
   * stay as they are. A failed read keeps what is shown (the next change tries again).
   */
  async #follow(): Promise<void> {
    if (this.load.kind !== 'ready') return;
    if (this.#following) {
      this.#followAgain = true;
      return this.#following;
    }
    this.#following = (async () => {
      try {
        const [room] = await Promise.all([this.#api.roomView(), this.#readAnnouncements()]);
        if (this.load.kind === 'ready') this.load = { kind: 'ready', room };
      } catch {
        // Kept as shown.
      }
    })().finally(() => {
      this.#following = undefined;
      if (this.#followAgain) {
        this.#followAgain = false;
        void this.#follow();
      }
    });
    return this.#following;
  }

  /** The room's announcements; a failed read keeps those shown (the room's feed says when to read again). */
  async #readAnnouncements(): Promise<void> {
    try {
      this.announcements = await this.#api.announcements();
    } catch {
      // Kept as shown.
    }
  }

  /**
   * A supervisor who scans the room's QR code may approve or reject its finished services
   * here. That part is its own script, fetched only when the browser has a session, so an
   * occupant's phone never downloads it; what the session may do comes from the gateway.
   */
  async #loadReview(): Promise<void> {
    try {
      await import('./review/ds-room-review.ts');
      this.reviewing = true;
    } catch {
      // The report form works without it.
    }
  }

  async #sendReport(event: CustomEvent<ReportDraft>): Promise<void> {
    await this.#sending(async (progress) => { this.sent = await this.#api.sendReport(event.detail, progress); });
    // The report may have made the room service due: shown at once, not only when the feed says so.
    if (this.sent) void this.#follow();
  }

  async #sendNote(event: CustomEvent<NoteInput>): Promise<void> {
    const { ticket, text, photos } = event.detail;
    await this.#sending(async (progress) => {
      await this.#api.addNote(ticket, text, photos, progress);
      this.noteAdded = ticket;
      this.mode = { kind: 'default' };
    });
  }

  /** Runs one send with progress; on failure says why and leaves every field as it was, ready to try again. */
  async #sending(work: (progress: (fraction: number) => void) => Promise<void>): Promise<void> {
    if (this.sending !== null) return;
    this.sending = 0;
    this.failure = '';
    this.contactError = false;
    try {
      await work((fraction) => { this.sending = Math.min(99, Math.round(fraction * 100)); });
    } catch (error) {
      const problem = sendProblem(error);
      this.contactError = problem.kind === 'invalid-field' && problem.field === 'contact';
      this.failure = explainProblem(this.speak, problem);
    } finally {
      this.sending = null;
    }
  }

}

customElements.define('ds-report-page', DsReportPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-report-page': DsReportPage }
  /** The room view the shell's early script asked for (early-room-view.js). */
  interface Window { dsRoomView?: Promise<Response> }
}
