import { html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { money } from '../../payments/money-format.ts';
import '../track/ds-receipt.ts';
import type { FollowedOrder } from './portal-api.ts';
import { portalLook } from './portal-look.ts';

/** The tenant's paid orders: what was booked and when, lines, what is paid and due, and the receipt. */
export class DsPortalOrders extends LocalizedElement {
  static override properties = { orders: { attribute: false }, now: { attribute: false } };
  declare orders: FollowedOrder[];
  declare now: Date;

  static override styles = portalLook;

  constructor() {
    super();
    this.orders = [];
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const t = this.speak.t;
    return html`<section class="card" aria-labelledby="orders-title">
      <h2 id="orders-title">${t('portal.orders')}</h2>
      ${this.orders.length === 0 ? html`<p class="muted">${t('portal.ordersNone')}</p>` : html`<ul class="plain">${this.orders.map((o) => this.#order(o))}</ul>`}
    </section>`;
  }

  #order(o: FollowedOrder) {
    const { t, lang } = this.speak!;
    const sum = (amount: number) => money(amount, o.currency, lang);
    return html`<li data-order=${o.id}>
      <h3>${t('portal.order', { number: o.number, service: o.serviceName })}</h3>
      <div class="row"><span class="badge" data-order-status=${o.status}>${t(`portal.orderStatus.${o.status}`)}</span>
        <span class="muted">${t('portal.slot', { when: this.speak!.time(o.slot.start, this.now) })}</span></div>
      <table>
        <tbody>${o.lines.map((l) => html`<tr><td>${l.quantity} × ${l.label}</td><td>${sum(l.amount)}</td></tr>`)}</tbody>
      </table>
      <dl>
        <dt>${t('portal.total')}</dt><dd>${sum(o.total)}</dd>
        <dt>${t('portal.paid')}</dt><dd data-paid>${sum(o.paid)}</dd>
        ${o.total > o.paid ? html`<dt>${t('portal.due')}</dt><dd>${sum(o.total - o.paid)}</dd>` : nothing}
      </dl>
      ${o.receipt.payments.length ? html`<ds-receipt .receipt=${o.receipt} .now=${this.now}></ds-receipt>` : html`<p class="muted">${t('portal.noPayments')}</p>`}
    </li>`;
  }
}

customElements.define('ds-portal-orders', DsPortalOrders);
