import type { Order } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { money } from '../../payments/money-format.ts';
import { occupantLook } from '../report/occupant-look.ts';

/** The paid order behind a tracking link: the visit, each charged line (items added on the job too), the total, what is paid and what is due. */
export class DsOrderSummary extends LocalizedElement {
  static override properties = { order: { attribute: false }, now: { attribute: false }, paying: { attribute: false }, payFailed: { attribute: false } };
  declare order: Order | undefined;
  declare now: Date;
  /** The payment is being started; it could not be. */
  declare paying: boolean;
  declare payFailed: boolean;

  static override styles = [occupantLook, css`
    section { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.6rem; }
    h2 { font-size: 1.2rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    table { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 0.3rem 0.2rem; border-bottom: 1px solid #bbb; vertical-align: top; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tfoot td, tfoot th { border-bottom: 0; font-weight: 700; }
  `];

  constructor() {
    super();
    this.now = new Date();
    this.paying = false;
    this.payFailed = false;
  }

  /** Left unpaid and still payable: a booking while its place is held, or work billed once done. */
  #payable(o: Order): boolean {
    if (o.total - o.paid <= 0) return false;
    if (o.status === 'billed') return true;
    return o.status === 'awaiting-payment' && o.holdUntil !== null && Date.parse(o.holdUntil) > this.now.getTime();
  }

  override render() {
    const o = this.order;
    if (!this.speak || !o) return nothing;
    const { t, lang } = this.speak;
    const m = (amount: number) => money(amount, o.currency, lang);
    const due = Math.max(0, o.total - o.paid);
    return html`<section aria-labelledby="order-title" data-order=${o.id} data-order-status=${o.status}>
      <h2 id="order-title">${t('order.title', { order: o.id })}</h2>
      <dl>
        <dt>${t('order.status')}</dt><dd data-order-state>${t(`orderStatus.${o.status}`)}</dd>
        <dt>${t('order.visit')}</dt><dd>${this.speak.time(o.slot.start, this.now)}</dd>
      </dl>
      <table data-order-lines>
        <caption class="sr">${t('order.lines')}</caption>
        <thead><tr><th scope="col">${t('order.item')}</th><th scope="col" class="num">${t('order.amount')}</th></tr></thead>
        <tbody>${o.lines.map((l) => html`<tr data-line=${l.kind}><td>${l.label}${l.quantity > 1 ? ` × ${l.quantity}` : ''}
          ${l.kind === 'custom' ? html`<span class="hint"> · ${t('order.line.custom')}</span>` : l.kind === 'consumable' ? html`<span class="hint"> · ${t('order.line.consumable')}</span>` : nothing}</td>
          <td class="num">${m(l.amount)}</td></tr>`)}</tbody>
        <tfoot>
          <tr><th scope="row">${t('order.sum')}</th><td class="num" data-order-total>${m(o.total)}</td></tr>
          <tr><th scope="row">${t('order.paid')}</th><td class="num" data-order-paid>${m(o.paid)}</td></tr>
          ${due > 0 && o.status !== 'cancelled' && o.status !== 'expired' ? html`<tr><th scope="row">${t('order.due')}</th><td class="num" data-order-due>${m(due)}</td></tr>` : nothing}
        </tfoot>
      </table>
      ${this.#payable(o) ? html`<button class="primary wide" type="button" data-pay-now ?disabled=${this.paying}
          @click=${() => this.dispatchEvent(new CustomEvent('pay-now', { bubbles: true, composed: true }))}>${this.paying ? t('order.payNowOpening') : t('order.payNowButton', { amount: m(due) })}</button>
        ${o.status === 'awaiting-payment' && o.holdUntil ? html`<p class="hint" data-pay-by>${t('order.payNowHold', { time: this.speak.time(o.holdUntil, this.now) })}</p>` : nothing}
        ${this.payFailed ? html`<p class="alert" role="alert" data-pay-failed>${t('order.payNowFailed')}</p>` : nothing}` : nothing}
    </section>`;
  }
}

customElements.define('ds-order-summary', DsOrderSummary);

declare global {
  interface HTMLElementTagNameMap { 'ds-order-summary': DsOrderSummary }
}
