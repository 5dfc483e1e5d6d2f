import { type Ticket, type Vendor, type WorkOrder, WorkOrderStatus } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-vendor-directory.ts';
import './ds-work-order-detail.ts';
import './ds-work-order-form.ts';
import { type OrderFilters, WorkOrdersApi } from './work-orders-api.ts';
import { awaitingTooLong, mergeOrders, pastDue } from './work-order-words.ts';

/**
 * The Maintenance → Orders view: every work order with its vendor and status, the late
 * answers flagged, filters by status and vendor; one order in full; sending an order from a
 * ticket; the vendors. The live feed's newer states (`pushed`) win over what was read.
 */
export class DsWorkOrdersSection extends LocalizedElement {
  static override properties = {
    pushed: { attribute: false }, tickets: { attribute: false }, now: { attribute: false },
    read: { state: true }, vendors: { state: true }, filters: { state: true }, selected: { state: true }, failed: { state: true },
  };
  declare pushed: readonly WorkOrder[];
  declare tickets: readonly Ticket[];
  declare now: Date;
  declare read: WorkOrder[] | undefined;
  declare vendors: Vendor[];
  declare filters: OrderFilters;
  declare selected: string;
  declare failed: boolean;
  readonly #api = new WorkOrdersApi(new URL('./', location.href));

  static override styles = [dashBase, css`
    :host { display: grid; gap: 24px; }
    .late { color: #8a0010; font-weight: 700; }
    td button { min-height: 36px; padding: 2px 10px; }
    tr[aria-current='true'] { background: #eef3fb; }
  `];

  constructor() {
    super();
    this.pushed = [];
    this.tickets = [];
    this.now = new Date();
    this.vendors = [];
    this.filters = { status: '', vendor: '' };
    this.selected = '';
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      [this.read, this.vendors] = await Promise.all([this.#api.list(this.filters), this.#api.vendors()]);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  #filter(change: Partial<OrderFilters>): void {
    this.filters = { ...this.filters, ...change };
    void this.#load();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, plural } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('wo.failed')}</p>`;
    if (!this.read) return html`<p class="muted" role="status">${t('wo.loading')}</p>`;
    const { status, vendor } = this.filters;
    const orders = mergeOrders(this.read, this.pushed, (o) => (!status || o.status === status) && (!vendor || o.vendor === vendor));
    const selected = orders.find((o) => o.id === this.selected) ?? this.pushed.find((o) => o.id === this.selected);
    const vendorName = (id: string) => this.vendors.find((v) => v.id === id)?.name ?? id;
    return html`
      <div class="row" role="group" aria-label=${t('wo.filters')}>
        <label>${t('wo.status')}<select data-filter="status" @change=${(e: Event) => this.#filter({ status: (e.target as HTMLSelectElement).value as OrderFilters['status'] })}>
          <option value="" ?selected=${!status}>${t('wo.all')}</option>
          ${WorkOrderStatus.options.map((s) => html`<option value=${s} ?selected=${status === s}>${t(`wo.status.${s}` as MessageKey)}</option>`)}</select></label>
        <label>${t('wo.vendor')}<select data-filter="vendor" @change=${(e: Event) => this.#filter({ vendor: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!vendor}>${t('wo.all')}</option>
          ${this.vendors.map((v) => html`<option value=${v.id} ?selected=${vendor === v.id}>${v.name}</option>`)}</select></label>
        <p class="muted" role="status" data-count>${plural('wo.count', orders.length)}</p>
      </div>
      ${orders.length === 0 ? html`<p class="muted" data-no-orders>${t('wo.none')}</p>` : html`<div class="scroll"><table data-orders>
        <thead><tr><th scope="col">${t('wo.colOrder')}</th><th scope="col">${t('wo.vendor')}</th><th scope="col">${t('wo.status')}</th>
          <th scope="col">${t('wo.colSent')}</th><th scope="col">${t('wo.colDue')}</th><th scope="col">${t('wo.colTicket')}</th></tr></thead>
        <tbody>${orders.map((o) => this.#row(o, vendorName(o.vendor)))}</tbody></table></div>`}
      ${selected ? html`<ds-work-order-detail .order=${selected} .vendor=${this.vendors.find((v) => v.id === selected.vendor)} .now=${this.now} .api=${this.#api}
        @close-detail=${() => { this.selected = ''; }} @order-changed=${(e: CustomEvent<WorkOrder>) => this.#changed(e.detail)}></ds-work-order-detail>` : nothing}
      <ds-work-order-form .tickets=${this.tickets} .vendors=${this.vendors} .api=${this.#api} @order-changed=${(e: CustomEvent<WorkOrder>) => this.#changed(e.detail)}></ds-work-order-form>
      <ds-vendor-directory .vendors=${this.vendors} .api=${this.#api} @vendors-changed=${() => void this.#load()}></ds-vendor-directory>`;
  }

  #row(o: WorkOrder, vendor: string) {
    const { t, time } = this.speak!;
    const late = awaitingTooLong(o, this.now);
    const overdue = pastDue(o, this.now);
    return html`<tr data-order=${o.id} data-order-status=${o.status} aria-current=${this.selected === o.id ? 'true' : 'false'}>
      <td><button type="button" @click=${() => { this.selected = o.id; }} aria-label=${t('wo.open', { id: o.id })}>${o.id}</button> ${o.title}</td>
      <td>${vendor}</td>
      <td data-status-word>${t(`wo.status.${o.status}` as MessageKey)}</td>
      <td>${time(o.sentAt, this.now)}${late ? html`<br><span class="late" data-late>${t('wo.noAnswer')}</span>` : nothing}</td>
      <td>${o.dueAt ? html`${time(o.dueAt, this.now)}${overdue ? html` · <span class="late" data-past-due>${t('wo.pastDue')}</span>` : nothing}` : '–'}</td>
      <td>${o.ticket ?? '–'}</td></tr>`;
  }

  #changed(order: WorkOrder): void {
    this.read = [order, ...(this.read ?? []).filter((o) => o.id !== order.id)];
    this.selected = order.id;
  }
}

customElements.define('ds-work-orders-section', DsWorkOrdersSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-work-orders-section': DsWorkOrdersSection }
}
