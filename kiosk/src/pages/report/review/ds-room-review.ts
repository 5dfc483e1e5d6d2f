import type { FinishedServices, ReviewCategory, ReviewTicket, VerdictResult } from '@doorside/edge/review-contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../../components/localized-element.ts';
import '../../panel/ds-action-result.ts';
import '../../panel/ds-finished-service.ts';
import '../../panel/ds-reject-view.ts';
import type { RejectInput } from '../../panel/panel-api.ts';
import { SendError } from '../send-form.ts';
import { ReviewApi } from './review-api.ts';

type Load = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; services: FinishedServices['services'] };
type View = { kind: 'list' } | { kind: 'reject'; ticket: ReviewTicket } | { kind: 'result'; result: VerdictResult };

/**
 * On the room's QR page, for a browser that also carries a staff session: the room's
 * finished services the gateway lets this person approve or reject, with the door panel's
 * review and reject form. Shows nothing when there is nothing for them to decide.
 * Loaded as its own script, only when the room's answer says a session exists.
 */
export class DsRoomReview extends LocalizedElement {
  static override properties = {
    room: {}, base: { attribute: false }, load: { state: true }, view: { state: true }, busy: { state: true }, error: { state: true },
  };
  declare room: string;
  /** The gateway's root. */
  declare base: URL;
  declare load: Load;
  declare view: View;
  declare busy: boolean;
  declare error: string;
  #categories: ReviewCategory[] = [];

  static override styles = css`
    :host { display: block; --ds-review-size: 0.95rem; }
    section { border: 2px solid #0b4f9c; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; }
    h2 { margin: 0; font-size: 1.25rem; }
    .list { display: grid; gap: 0.75rem; }
    .alert { margin: 0; color: #a4000f; font-weight: 700; }
  `;

  constructor() {
    super();
    this.room = '';
    this.base = new URL('/', location.href);
    this.load = { kind: 'loading' };
    this.view = { kind: 'list' };
    this.busy = false;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#refresh();
  }

  get #api(): ReviewApi {
    return new ReviewApi(this.base);
  }

  override render() {
    const t = this.speak?.t;
    if (!t) return nothing;
    if (this.load.kind === 'failed') return html`<section><p class="alert" role="alert">${t('review.loadFailed')}</p></section>`;
    if (this.load.kind !== 'ready' || (this.load.services.length === 0 && this.view.kind === 'list')) return nothing;
    return html`<section aria-labelledby="to-approve"><h2 id="to-approve">${t('review.toApprove')}</h2>${this.#view(this.load.services)}</section>`;
  }

  #view(services: FinishedServices['services']) {
    if (this.view.kind === 'result') {
      return html`<ds-action-result .result=${this.view.result} @done=${() => { this.view = { kind: 'list' }; }}></ds-action-result>`;
    }
    if (this.view.kind === 'reject') {
      const { ticket } = this.view;
      return html`<ds-reject-view .ticket=${ticket} .category=${this.#categories.find((c) => c.id === ticket.category)} ?busy=${this.busy} .error=${this.error}
        @back=${() => { this.view = { kind: 'list' }; this.error = ''; }}
        @confirm-reject=${(e: CustomEvent<RejectInput>) => this.#act(() => this.#api.reject(ticket.id, e.detail))}></ds-reject-view>`;
    }
    return html`
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="list">${services.map(({ ticket, actions }) => html`
        <ds-finished-service .ticket=${ticket} .actions=${actions} .photoBase=${this.base} ?busy=${this.busy}
          @approve-service=${() => this.#act(() => this.#api.approve(ticket.id))}
          @reject-service=${() => { this.error = ''; this.view = { kind: 'reject', ticket }; }}></ds-finished-service>`)}
      </div>`;
  }

  async #refresh(): Promise<void> {
    try {
      const services = await this.#api.finished(this.room);
      if (services.length > 0 && this.#categories.length === 0) this.#categories = await this.#api.categories();
      this.load = { kind: 'ready', services };
    } catch (error) {
      // A session that may not look at this room has nothing to decide here: the occupant's page stays as it is.
      const refused = error instanceof SendError && error.failure.kind === 'http' && error.failure.status < 500;
      this.load = refused ? { kind: 'ready', services: [] } : { kind: 'failed' };
    }
  }

  async #act(action: () => Promise<VerdictResult>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.view = { kind: 'result', result: await action() };
      await this.#refresh();
    } catch (error) {
      const own = error instanceof SendError && error.failure.kind === 'http' && error.failure.code === 'OWN_WORK';
      this.error = own ? this.speak!.t('panel.ownWork')
        : this.speak!.t('panel.failed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-room-review', DsRoomReview);

declare global {
  interface HTMLElementTagNameMap { 'ds-room-review': DsRoomReview }
}
