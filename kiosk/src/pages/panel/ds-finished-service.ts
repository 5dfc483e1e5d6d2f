import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { emit } from '../../components/emit.ts';

/** One open ticket of the room; a finished one (`done`) offers Approve and Reject, fired as events. */
export class DsFinishedService extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, busy: { type: Boolean } };
  declare ticket: Ticket | undefined;
  declare busy: boolean;

  static override styles = css`
    :host { display: block; }
    article { border: 0.4vmin solid #111; border-radius: 2vmin; padding: 2.5vmin 3vmin; display: grid; gap: 1.5vmin; }
    h3 { margin: 0; font-size: 4.6vmin; }
    p { margin: 0; font-size: 3.4vmin; color: #222; }
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
          <div class="actions">
            <button class="approve" ?disabled=${this.busy} @click=${() => this.#fire('approve-service')}>${speak.t('panel.approve')}</button>
            <button class="reject" ?disabled=${this.busy} @click=${() => this.#fire('reject-service')}>${speak.t('panel.reject')}</button>
          </div>` : nothing}
      </article>`;
  }

  #fire(name: string): void {
    emit(this, name, { ticket: this.ticket });
  }
}

customElements.define('ds-finished-service', DsFinishedService);

declare global {
  interface HTMLElementTagNameMap { 'ds-finished-service': DsFinishedService }
}
