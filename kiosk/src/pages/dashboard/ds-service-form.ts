import type { PaymentMode, PriceRule, Service, ServiceFields } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { toMajor, toMinor } from '../../payments/minor-units.ts';
import { paymentModeKey } from '../../payments/price-words.ts';
import { dashBase } from './dashboard-styles.ts';
import type { CategoryChoices } from './services-api.ts';

const modes: PaymentMode[] = ['at-order', 'after-service', 'company'];
const kinds: PriceRule['kind'][] = ['fixed', 'per-unit', 'consumables'];

/**
 * One service's catalogue entry: name, the category whose team does it, visit length, price
 * rule (amounts typed in the currency's major unit) and payment mode. A new one also takes its
 * id. `service-save` (detail: `{ id, fields }`) asks the owner to save it; `cancel` closes it.
 */
export class DsServiceForm extends LocalizedElement {
  static override properties = { service: { attribute: false }, categories: { attribute: false }, currency: {}, busy: { type: Boolean }, kind: { state: true } };
  declare service: Service | undefined;
  declare categories: CategoryChoices;
  declare currency: string;
  declare busy: boolean;
  declare kind: PriceRule['kind'];
  static override styles = [dashBase, css`form { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); align-items: end; }
    .wide { grid-column: 1 / -1; } .actions { display: flex; gap: 8px; } label.check { display: flex; gap: 8px; align-items: center; } input, select { width: 100%; }
    label.check input { width: auto; min-height: 24px; }`];

  constructor() {
    super();
    this.categories = [];
    this.currency = 'NOK';
    this.busy = false;
    this.kind = 'fixed';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('service')) this.kind = this.service?.price.kind ?? 'fixed';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const s = this.service;
    const p = s?.price;
    const money = (name: string, label: string, minor: number | undefined) => html`<label>${label} (${this.currency})
      <input name=${name} inputmode="decimal" required .value=${minor === undefined ? '' : toMajor(minor, this.currency)}></label>`;
    return html`<form data-service-form=${s?.id ?? ''} @submit=${this.#submit}>
      ${s ? nothing : html`<label>${t('svcDash.id')}<input name="id" required pattern="[a-z0-9][a-z0-9_-]{0,47}" data-field="id"></label>`}
      <label>${t('svcDash.name')}<input name="name" required maxlength="80" .value=${s?.name ?? ''}></label>
      <label>${t('svcDash.category')}<select name="category" required>${this.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === s?.category}>${this.speak!.name(c.name, c.names)}</option>`)}</select></label>
      <label>${t('svcDash.duration')}<input name="durationMinutes" type="number" min="5" max="1440" step="5" required .value=${String(s?.durationMinutes ?? 60)}></label>
      <label class="wide">${t('svcDash.description')}<input name="description" maxlength="500" .value=${s?.description ?? ''}></label>
      <label>${t('svcDash.priceKind')}<select name="kind" @change=${(e: Event) => { this.kind = (e.target as HTMLSelectElement).value as PriceRule['kind']; }}>
        ${kinds.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(`svcDash.kind.${k}`)}</option>`)}</select></label>
      ${this.kind === 'fixed' ? money('amount', t('svcDash.amount'), p?.kind === 'fixed' ? p.amount : undefined) : nothing}
      ${this.kind === 'per-unit' ? html`${money('unitPrice', t('svcDash.unitPrice'), p?.kind === 'per-unit' ? p.unitPrice : undefined)}
        <label>${t('svcDash.unit')}<input name="unit" required maxlength="20" .value=${p?.kind === 'per-unit' ? p.unit : ''}></label>
        <label>${t('svcDash.maxQuantity')}<input name="maxQuantity" type="number" min="1" max="1000" required .value=${String(p?.kind === 'per-unit' ? p.maxQuantity : 20)}></label>` : nothing}
      ${this.kind === 'consumables' ? html`${money('callOut', t('svcDash.callOut'), p?.kind === 'consumables' ? p.callOut : undefined)}
        <label>${t('svcDash.markup')}<input name="markup" type="number" min="0" max="1000" step="0.01" required .value=${String(p?.kind === 'consumables' ? p.markupBasisPoints / 100 : 20)}></label>` : nothing}
      <label>${t('svcDash.paymentMode')}<select name="paymentMode">${modes.map((m) => html`<option value=${m} ?selected=${m === s?.paymentMode}>${t(paymentModeKey(m))}</option>`)}</select></label>
      <label class="check"><input type="checkbox" name="active" ?checked=${s?.active ?? true}>${t('svcDash.active')}</label>
      <div class="actions wide"><button class="primary" type="submit" ?disabled=${this.busy}>${t('svcDash.save')}</button>
        <button type="button" @click=${() => emit(this, 'cancel')}>${t('svcDash.cancel')}</button></div>
    </form>`;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const price: PriceRule = this.kind === 'fixed' ? { kind: 'fixed', amount: toMinor(text('amount'), this.currency) }
      : this.kind === 'per-unit' ? { kind: 'per-unit', unitPrice: toMinor(text('unitPrice'), this.currency), unit: text('unit'), maxQuantity: Number(text('maxQuantity')) }
        : { kind: 'consumables', callOut: toMinor(text('callOut'), this.currency), markupBasisPoints: Math.round(Number(text('markup')) * 100) };
    const fields: ServiceFields = {
      name: text('name'), ...(this.service?.names ? { names: this.service.names } : {}), description: text('description'), category: text('category'),
      durationMinutes: Number(text('durationMinutes')), price, paymentMode: text('paymentMode') as PaymentMode, active: data.get('active') !== null,
    };
    emit(this, 'service-save', { id: this.service?.id ?? text('id'), fields });
  }
}

customElements.define('ds-service-form', DsServiceForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-service-form': DsServiceForm }
}
