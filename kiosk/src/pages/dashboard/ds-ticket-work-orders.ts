import { openWorkOrderStatuses, type Ticket, type Vendor, type WorkOrder } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-work-order-form.ts';
import { WorkOrdersApi } from './work-orders-api.ts';
import { awaitingTooLong, mergeOrders } from './work-order-words.ts';

/** A ticket's work orders, the open ones first (they hold the ticket open), and sending another from it. */
export class DsTicketWorkOrders extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, pushed: { attribute: false }, now: { attribute: false }, read: { state: true }, vendors: { state: true } };
  declare ticket: Ticket;
  declare pushed: readonly WorkOrder[];
  declare now: Date;
  declare read: WorkOrder[];
  declare vendors: Vendor[];
  readonly #api = new WorkOrdersApi(new URL('./', location.href));
  #readFor = '';

  static override styles = [dashBase, css`
    :host { display: grid; gap: 12px; }
    ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 4px; }
    .late { color: #8a0010; font-weight: 700; }
    .closed { color: #444; }
  `];

  constructor() {
    super();
    this.pushed = [];
    this.now = new Date();
    this.read = [];
    this.vendors = [];
  }

  override willUpdate(): void {
    if (this.ticket && this.ticket.id !== this.#readFor) {
      this.#readFor = this.ticket.id;
      this.read = [];
      void this.#load(this.ticket.id);
    }
  }

  async #load(ticket: string): Promise<void> {
    const [orders, vendors] = await Promise.all([this.#api.ofTicket(ticket), this.#api.vendors()]).catch(() => [[], []] as [WorkOrder[], Vendor[]]);
    if (ticket !== this.ticket.id) return;
    this.read = orders;
    this.vendors = vendors;
  }

  override render() {
    if (!this.speak || !this.ticket) return nothing;
    const { t, time } = this.speak;
    const orders = mergeOrders(this.read, this.pushed, (o) => o.ticket === this.ticket.id);
    const open = (o: WorkOrder) => openWorkOrderStatuses.includes(o.status);
    const sorted = [...orders.filter(open), ...orders.filter((o) => !open(o))];
    return html`<section aria-labelledby="ticket-wo-title" data-ticket-orders>
      <h3 id="ticket-wo-title">${t('wo.ofTicket')}</h3>
      ${sorted.length === 0 ? html`<p class="muted">${t('wo.noneForTicket')}</p>` : html`<ul>${sorted.map((o) => html`
        <li data-ticket-order=${o.id} data-order-status=${o.status} class=${open(o) ? '' : 'closed'}>
          <a href="#work-orders">${o.id}</a> · ${this.vendors.find((v) => v.id === o.vendor)?.name ?? o.vendor} · <strong>${t(`wo.status.${o.status}` as MessageKey)}</strong>
          ${o.dueAt ? html` · ${t('wo.colDue')} ${time(o.dueAt, this.now)}` : nothing}
          ${awaitingTooLong(o, this.now) ? html` · <span class="late">${t('wo.noAnswer')}</span>` : nothing}</li>`)}</ul>`}
      <ds-work-order-form .ticket=${this.ticket.id} .tickets=${[this.ticket]} .vendors=${this.vendors} .api=${this.#api}
        @order-changed=${(e: CustomEvent<WorkOrder>) => { this.read = [e.detail, ...this.read.filter((o) => o.id !== e.detail.id)]; }}></ds-work-order-form>
    </section>`;
  }
}

customElements.define('ds-ticket-work-orders', DsTicketWorkOrders);

declare global {
  interface HTMLElementTagNameMap { 'ds-ticket-work-orders': DsTicketWorkOrders }
}
