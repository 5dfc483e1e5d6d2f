import { type OrderFigures, OrderStatus, type Refund, type Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { money } from '../../payments/money-format.ts';
import { hashOf } from './dashboard-route.ts';
import { dashBase } from './dashboard-styles.ts';
import { type Catalogue, type OrderQuery, type Orders, ServicesApi } from './services-api.ts';

/** The order records (工单订单记录): filters, the list with times, person, charges and payments, its CSV, and the window's money. */
export class DsOrdersSection extends LocalizedElement {
  static override properties = { rooms: { attribute: false }, query: { state: true }, orders: { state: true }, figures: { state: true }, catalogue: { state: true }, failed: { state: true }, refunds: { state: true }, retryFailed: { state: true } };
  declare rooms: Room[];
  declare query: OrderQuery;
  declare orders: Orders | undefined;
  declare figures: OrderFigures | undefined;
  declare catalogue: Catalogue | undefined;
  declare failed: boolean;
  /** The refunds that failed (not yet asked again) and those under way, by order. */
  declare refunds: Map<string, Refund>;
  declare retryFailed: string | null;
  static override styles = [dashBase, css`form { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin-bottom: 12px; }
    dl { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 12px; } dt { font-size: 0.85rem; color: #333; } dd { margin: 0; font-weight: 700; font-size: 1.15rem; }
    td.num { text-align: right; white-space: nowrap; }`];
  readonly #api = new ServicesApi(new URL('./', location.href));

  constructor() {
    super();
    this.rooms = [];
    this.query = {};
    this.failed = false;
    this.refunds = new Map();
    this.retryFailed = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#api.catalogue().then((c) => { this.catalogue = c; }, () => {});
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      [this.orders, this.figures] = await Promise.all([this.#api.orders(this.query), this.#api.figures(this.query)]);
      this.failed = false;
      void this.#loadRefunds();
    } catch {
      this.failed = true;
    }
  }

  /** Those who may not read the ledger see the orders without their refunds' standing. */
  async #loadRefunds(): Promise<void> {
    try {
      const [failed, underWay] = await Promise.all([this.#api.refunds('failed'), this.#api.refunds('requested')]);
      const byOrder = new Map<string, Refund>();
      for (const refund of [...underWay, ...failed.filter((r) => !r.retriedBy)]) byOrder.set(refund.order, refund);
      this.refunds = byOrder;
    } catch {
      this.refunds = new Map();
    }
  }

  async #retry(refund: Refund): Promise<void> {
    this.retryFailed = null;
    try {
      await this.#api.retryRefund(refund.id);
    } catch {
      this.retryFailed = refund.id;
    }
    await this.#load();
  }

  #refundCell(orderId: string) {
    const refund = this.refunds.get(orderId);
    if (!refund) return nothing;
    const { t } = this.speak!;
    if (refund.status === 'requested') return html`<br><span class="muted" data-refund-under-way=${refund.id}>${t('ordDash.refundUnderWay')}</span>`;
    return html`<br><strong class="error" data-refund-failed=${refund.id}>${t('ordDash.refundFailed', { code: refund.failure ?? '–' })}</strong>
      <button type="button" data-retry-refund=${refund.id} @click=${() => void this.#retry(refund)}>${t('ordDash.retryRefund')}</button>
      ${this.retryFailed === refund.id ? html`<span class="error" role="alert">${t('ordDash.retryFailed')}</span>` : nothing}`;
  }

  #filter(event: Event) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '');
    this.query = { status: value('status') as OrderQuery['status'], service: value('service'), room: value('room'), from: value('from'), to: value('to') };
    this.orders = undefined;
    void this.#load();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    const q = this.query;
    const filters = html`<form data-order-filters @submit=${this.#filter}>
      <label>${t('ordDash.status')}<select name="status"><option value="">${t('ordDash.any')}</option>${OrderStatus.options.map((s) => html`<option value=${s} ?selected=${q.status === s}>${t(`orderStatus.${s}`)}</option>`)}</select></label>
      <label>${t('ordDash.service')}<select name="service"><option value="">${t('ordDash.any')}</option>${(this.catalogue?.services ?? []).map((s) => html`<option value=${s.id} ?selected=${q.service === s.id}>${this.speak!.name(s.name, s.names)}</option>`)}</select></label>
      <label>${t('ordDash.room')}<select name="room"><option value="">${t('ordDash.any')}</option>${this.rooms.map((r) => html`<option value=${r.id} ?selected=${q.room === r.id}>${r.id} · ${this.speak!.name(r.name, r.names)}</option>`)}</select></label>
      <label>${t('ordDash.from')}<input type="date" name="from" .value=${q.from ?? ''}></label>
      <label>${t('ordDash.to')}<input type="date" name="to" .value=${q.to ?? ''}></label>
      <button class="primary" type="submit">${t('ordDash.apply')}</button>
      <a class="button" data-orders-csv download href=${this.#api.csvUrl(q)}>${t('ordDash.csv')}</a>
    </form>
    <p><a href=${hashOf({ section: 'payments' })} data-statements-link>${t('ordDash.statements')}</a></p>`;
    if (this.failed) return html`${filters}<p class="error" role="alert">${t('ordDash.failed')}</p>`;
    const f = this.figures;
    return html`${filters}
      ${f ? html`<dl data-order-figures><div><dt>${t('ordDash.count')}</dt><dd>${f.orders}</dd></div><div><dt>${t('ordDash.revenue')}</dt><dd data-revenue>${money(f.revenue, f.currency, lang)}</dd></div>
        <div><dt>${t('ordDash.unpaid')}</dt><dd>${money(f.unpaid, f.currency, lang)}</dd></div></dl>` : nothing}
      ${!this.orders ? html`<p class="muted" role="status">${t('ordDash.loading')}</p>`
        : this.orders.length === 0 ? html`<p class="muted" data-no-orders>${t('ordDash.none')}</p>`
          : html`<div class="scroll"><table data-orders>
        <thead><tr><th scope="col">${t('ordDash.order')}</th><th scope="col">${t('ordDash.placed')}</th><th scope="col">${t('ordDash.room')}</th><th scope="col">${t('ordDash.service')}</th>
          <th scope="col">${t('ordDash.visit')}</th><th scope="col">${t('ordDash.status')}</th><th scope="col">${t('ordDash.person')}</th><th scope="col">${t('ordDash.total')}</th><th scope="col">${t('ordDash.paid')}</th></tr></thead>
        <tbody>${this.orders.map((o) => html`<tr data-order=${o.id}><td>${o.id}<br><span class="muted">${o.ticket}</span></td>
          <td>${this.speak!.time(o.createdAt, new Date())}</td><td>${o.room}</td><td>${o.serviceName}${o.quantity > 1 ? ` × ${o.quantity}` : ''}</td>
          <td>${this.speak!.time(o.slot.start, new Date())}</td><td data-status>${t(`orderStatus.${o.status}`)}${this.#refundCell(o.id)}</td><td>${o.responsible ?? '–'}</td>
          <td class="num" data-total>${money(o.total, o.currency, lang)}</td><td class="num">${money(o.paid, o.currency, lang)}</td></tr>`)}</tbody>
      </table></div>`}`;
  }
}

customElements.define('ds-orders-section', DsOrdersSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-orders-section': DsOrdersSection }
}
