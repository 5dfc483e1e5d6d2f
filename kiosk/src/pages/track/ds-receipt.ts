import type { Receipt } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { money } from '../../payments/money-format.ts';
import { occupantLook } from '../report/occupant-look.ts';

/** The receipt for a paid order: each payment taken (who took it, when, its number) and each refund. Shows nothing before money moved. */
export class DsReceipt extends LocalizedElement {
  static override properties = { receipt: { attribute: false }, now: { attribute: false } };
  declare receipt: Receipt | undefined;
  declare now: Date;

  static override styles = [occupantLook, css`
    section { border: 2px solid #0b5d2a; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.5rem; }
    h2 { font-size: 1.2rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    ul { margin: 0; padding-left: 1.2rem; }
  `];

  constructor() {
    super();
    this.now = new Date();
  }

  override render() {
    const r = this.receipt;
    if (!this.speak || !r || (r.payments.length === 0 && r.refunds.length === 0)) return nothing;
    const { t, lang } = this.speak;
    return html`<section aria-labelledby="receipt-title" data-receipt>
      <h2 id="receipt-title">${t('receipt.title')}</h2>
      ${r.payments.map((p) => html`<dl data-receipt-payment=${p.id}>
        <dt>${t('receipt.paid')}</dt><dd data-receipt-amount>${money(p.amount, p.currency, lang)}</dd>
        <dt>${t('receipt.to')}</dt><dd>${r.payee}</dd>
        <dt>${t('receipt.order')}</dt><dd>${r.order}</dd>
        <dt>${t('receipt.with')}</dt><dd>${t(`payDash.provider.${p.provider}`)}</dd>
        ${p.paidAt ? html`<dt>${t('receipt.at')}</dt><dd>${this.speak!.time(p.paidAt, this.now)}</dd>` : nothing}
        <dt>${t('receipt.number')}</dt><dd>${p.transaction ?? p.id}</dd>
      </dl>`)}
      ${r.refunds.length ? html`<ul data-receipt-refunds>${r.refunds.map((f) => html`<li>${t(f.status === 'done' ? 'receipt.refunded' : 'receipt.refundRequested', { amount: money(f.amount, f.currency, lang) })}</li>`)}</ul>` : nothing}
    </section>`;
  }
}

customElements.define('ds-receipt', DsReceipt);
