import type { OccupantOrderPlaced } from '@doorside/edge/occupant-contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../../components/emit.ts';
import { LocalizedElement } from '../../../components/localized-element.ts';
import { money } from '../../../payments/money-format.ts';
import { slotTime } from '../../../payments/slot-time.ts';
import { occupantLook } from '../occupant-look.ts';
import type { OrderApi } from './order-api.ts';

/**
 * A booking the gateway took: paid at order, the place is held until a time and the next step is
 * the provider's pay page; otherwise it is confirmed. Either way the tracking link follows it.
 */
export class DsOrderPlaced extends LocalizedElement {
  static override properties = { placed: { attribute: false }, timeZone: {}, api: { attribute: false } };
  declare placed: OccupantOrderPlaced;
  declare timeZone: string;
  declare api: OrderApi;

  static override styles = [occupantLook, css`
    section { display: grid; gap: 0.9rem; }
    .card { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; }
    h2 { font-size: 1.3rem; }
    .button, button { width: 100%; min-height: 56px; font-size: 1.1rem; }
  `];

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const { t, lang } = speak;
    const { order, payment, trackToken } = this.placed;
    const slot = slotTime(lang, this.timeZone, order.slot.start, order.slot.end);
    const track = this.api.trackUrl(trackToken, lang).href;
    const toPay = payment && order.status === 'awaiting-payment';
    return html`<section class=${toPay ? 'card' : 'ok'} role="status" data-order-placed=${order.id}>
      <h2>${t(toPay ? 'order.heldTitle' : 'order.confirmedTitle', { order: order.id })}</h2>
      <p>${order.serviceName}${order.quantity > 1 ? ` × ${order.quantity}` : ''} · <span data-order-total>${money(order.total, order.currency, lang)}</span></p>
      ${toPay ? html`<p>${t('order.heldUntil', { slot, time: speak.time(payment.holdUntil, new Date()) })}</p>
        ${payment.url
          ? html`<a class="button primary" data-pay-link href=${this.api.payUrl(payment.url, trackToken, lang)}>${t('order.payNow', { amount: money(payment.amount, payment.currency, lang) })}</a>`
          : html`<p class="alert">${t('order.noPayLink')}</p>`}`
        : html`<p>${t('order.confirmedText', { slot })}</p>`}
      <a class="button ${toPay ? '' : 'primary'}" href=${track} data-track-link>${t('order.follow')}</a>
      <button type="button" @click=${() => emit(this, 'order-back')}>${t('order.another')}</button>
    </section>`;
  }
}

customElements.define('ds-order-placed', DsOrderPlaced);

declare global {
  interface HTMLElementTagNameMap { 'ds-order-placed': DsOrderPlaced }
}
