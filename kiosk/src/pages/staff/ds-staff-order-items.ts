import type { Order } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { toMinor } from '../../payments/minor-units.ts';
import { money } from '../../payments/money-format.ts';
import { JobSuppliesApi } from './job-supplies-api.ts';
import { staffBase } from './staff-styles.ts';

/**
 * The paid order behind a job: its priced lines, what is paid, and adding a custom service item
 * (自定义服务项) with its price while on the job. The tenant sees the item on the tracking page
 * before paying.
 */
export class DsStaffOrderItems extends LocalizedElement {
  static override properties = { ticket: {}, order: { state: true }, notice: { state: true }, busy: { state: true } };
  declare ticket: string;
  declare order: Order | undefined;
  declare notice: { ok: boolean; text: string } | undefined;
  declare busy: boolean;
  readonly #api = new JobSuppliesApi(new URL('./', location.href));
  static override styles = [staffBase, css`
    :host { display: block; } section { display: grid; gap: 10px; } h3, h4 { font-size: 1.1rem; margin: 0; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px; border-bottom: 1px solid #bbb; } td.num { text-align: right; white-space: nowrap; }
    form { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); align-items: end; } .whole { grid-column: 1 / -1; } .ok { color: #0b5d2a; font-weight: 700; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `];

  constructor() {
    super();
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#api.order(this.ticket).then((o) => { this.order = o; }, () => {});
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const o = this.order;
    const form = event.currentTarget as HTMLFormElement;
    if (!o || !form.reportValidity()) return;
    const t = this.speak!.t;
    const data = new FormData(form);
    const unitPrice = toMinor(String(data.get('unitPrice')), o.currency);
    if (Number.isNaN(unitPrice)) {
      this.notice = { ok: false, text: t('jobOrder.priceInvalid') };
      return;
    }
    this.busy = true;
    try {
      this.order = await this.#api.addItem(o.id, String(data.get('label')).trim(), Number(data.get('quantity')), unitPrice);
      this.notice = { ok: true, text: t('jobOrder.added') };
      form.reset();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      this.notice = { ok: false, text: code === 'ORDER_STATE' ? t('jobOrder.closed') : error instanceof ApiError && error.status === 403 ? t('supplies.notAllowed') : t('jobOrder.refused', { code: code ?? '' }) };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const o = this.order;
    if (!this.speak || !o) return nothing;
    const { t, lang } = this.speak;
    const m = (amount: number) => money(amount, o.currency, lang);
    return html`<section aria-labelledby="job-order-title" data-job-order=${o.id}>
      <h3 id="job-order-title">${t('jobOrder.title', { order: o.id, status: t(`orderStatus.${o.status}`) })}</h3>
      <table><caption class="sr-only">${t('jobOrder.lines')}</caption>
        <thead><tr><th scope="col">${t('jobOrder.item')}</th><th scope="col" class="num">${t('jobOrder.amount')}</th></tr></thead>
        <tbody>${o.lines.map((l) => html`<tr data-line=${l.kind}><td>${l.label}${l.quantity > 1 ? ` × ${l.quantity}` : ''}</td><td class="num">${m(l.amount)}</td></tr>`)}</tbody>
        <tfoot><tr><th scope="row">${t('jobOrder.total')}</th><td class="num" data-job-total>${m(o.total)}</td></tr>
          <tr><th scope="row">${t('jobOrder.paid')}</th><td class="num">${m(o.paid)}</td></tr></tfoot>
      </table>
      <form data-custom-item @submit=${(e: SubmitEvent) => void this.#add(e)}>
        <h4 class="whole">${t('jobOrder.addTitle')}</h4>
        <label>${t('jobOrder.label')}<input name="label" required maxlength="80"></label>
        <label>${t('jobOrder.quantity')}<input name="quantity" type="number" min="1" max="1000" step="1" required value="1"></label>
        <label>${t('jobOrder.unitPrice', { currency: o.currency })}<input name="unitPrice" inputmode="decimal" required></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('jobOrder.add')}</button>
      </form>
      <p role="status" class=${this.notice?.ok ? 'ok' : 'error'} data-job-order-notice>${this.notice?.text ?? ''}</p>
    </section>`;
  }
}

customElements.define('ds-staff-order-items', DsStaffOrderItems);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-order-items': DsStaffOrderItems }
}
