import type { ReviewTicket } from '@doorside/edge/review-contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { emit } from '../../components/emit.ts';
import '../../components/ds-service-review.ts';

/**
 * One open ticket of the room; a finished one (`done`) shows its before and after and offers
 * Approve and Reject, fired as events.
 */
export class DsFinishedService extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, photoBase: { attribute: false }, actions: { attribute: false }, busy: { type: Boolean } };
  declare ticket: ReviewTicket | undefined;
  declare photoBase: URL | undefined;
  /** The verdicts the gateway would accept from the viewer; unset, both are offered and the gateway judges. */
  declare actions: readonly string[] | undefined;
  declare busy: boolean;

  static override styles = css`
    :host { display: block; }
    article { border: 0.4vmin solid #111; border-radius: 2vmin; padding: 2.5vmin 3vmin; display: grid; gap: 1.5vmin; }
    h3 { margin: 0; font-size: 4.6vmin; }
    p { margin: 0; font-size: 3.4vmin; color: #222; }
    /* The panel sizes by its screen; a page around it (the room's QR page on a phone) may set its own. */
    ds-service-review { font-size: var(--ds-review-size, 2.8vmin); }
    .actions { display: flex; gap: 3vmin; }
    button { flex: 1; min-height: 12vmin; font: inherit; font-size: 4.6vmin; font-weight: 700; border-radius: 2vmin; border: 0.4vmin solid #111; }
    .approve { background: #0d6b2f; color: #fff; border-color: #0d6b2f; }
    .reject { background: #fff; color: #a10000; border-color: #a10000; }
  `;

  constructor() {
    super();
    this.busy = false;
  }

  override render() {
    const { ticket, speak } = this;
    if (!ticket || !speak) return nothing;
    const finished = ticket.status === 'done';
    return html`
      <article data-ticket=${ticket.id} data-status=${ticket.status}>
        <h3>${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</h3>
        <p>${ticket.id}${ticket.assignee ? html` · ${speak.t(finished ? 'panel.by' : 'panel.assigned', { assignee: ticket.assignee })}` : nothing}</p>
        ${finished ? html`
          <ds-service-review .ticket=${ticket} .photoBase=${this.photoBase}></ds-service-review>
          <div class="actions">
            ${this.#offers('approve') ? html`<button class="approve" ?disabled=${this.busy} @click=${() => this.#fire('approve-service')}>${speak.t('panel.approve')}</button>` : nothing}
            ${this.#offers('reject') ? html`<button class="reject" ?disabled=${this.busy} @click=${() => this.#fire('reject-service')}>${speak.t('panel.reject')}</button>` : nothing}
          </div>` : nothing}
      </article>`;
  }

  #offers(action: string): boolean {
    return this.actions === undefined || this.actions.includes(action);
  }

  #fire(name: string): void {
    emit(this, name, { ticket: this.ticket });
  }
}

customElements.define('ds-finished-service', DsFinishedService);

declare global {
  interface HTMLElementTagNameMap { 'ds-finished-service': DsFinishedService }
}
