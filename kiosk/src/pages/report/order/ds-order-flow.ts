import type { OccupantOrderPlaced, OccupantService, OccupantSlotList } from '@doorside/edge/occupant-contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../../components/emit.ts';
import { LocalizedElement } from '../../../components/localized-element.ts';
import { money } from '../../../payments/money-format.ts';
import { bookingPrice, paymentModeKey, priceRuleText } from '../../../payments/price-words.ts';
import { slotTime } from '../../../payments/slot-time.ts';
import { occupantLook } from '../occupant-look.ts';
import type { ReportLink } from '../report-link.ts';
import { sendProblem } from '../send-problem.ts';
import './ds-order-placed.ts';
import { explainRefusal } from './explain-refusal.ts';
import { type Booking, OrderApi } from './order-api.ts';

interface Draft { slot: string; quantity: number; name: string; phone: string; email: string; company: string }
type Missing = Partial<Record<'slot' | 'name' | 'contact' | 'company' | 'quantity', boolean>>;

/**
 * Booking one paid service from the room's QR page: a visit time, a quantity where the price is
 * per unit, the price, contact details; then pay on the provider's page or see it confirmed.
 * `order-back` asks the owner to close it.
 */
export class DsOrderFlow extends LocalizedElement {
  static override properties = {
    link: { attribute: false }, service: {},
    offer: { state: true }, slots: { state: true }, timeZone: { state: true }, draft: { state: true }, missing: { state: true },
    sending: { state: true }, failure: { state: true }, placed: { state: true }, loadFailed: { state: true },
  };
  declare link: ReportLink;
  declare service: string;
  declare offer: OccupantService | undefined;
  declare slots: OccupantSlotList['slots'] | undefined;
  declare timeZone: string;
  declare draft: Draft;
  declare missing: Missing;
  declare sending: boolean;
  declare failure: string;
  declare placed: OccupantOrderPlaced | undefined;
  declare loadFailed: boolean;
  #api!: OrderApi;

  static override styles = [occupantLook, css`
    section { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.9rem; }
    form, fieldset { display: grid; gap: 0.9rem; }
    fieldset { border: 0; margin: 0; padding: 0; }
    legend { font-weight: 700; font-size: 1.1rem; margin-bottom: 0.5rem; }
    h2 { font-size: 1.3rem; }
    select, input[type='number'], input[type='tel'] { width: 100%; font: inherit; padding: 0.7rem; min-height: 48px; border: 2px solid #555; border-radius: 0.5rem; background: #fff; color: #111; }
    .price { font-size: 1.3rem; font-weight: 800; }
    .wide { width: 100%; }
  `];

  constructor() {
    super();
    this.timeZone = 'UTC';
    this.draft = { slot: '', quantity: 1, name: '', phone: '', email: '', company: '' };
    this.missing = {};
    this.sending = false;
    this.failure = '';
    this.loadFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#api = new OrderApi(this.link);
    void this.#load();
  }

  async #load(): Promise<void> {
    this.loadFailed = false;
    try {
      this.offer = await this.#api.service(this.service);
      await this.#readSlots();
    } catch {
      this.loadFailed = true;
    }
  }

  async #readSlots(): Promise<void> {
    const list = await this.#api.slots(this.service);
    this.timeZone = list.timeZone;
    // A visit whose booking has closed (inside its lead time) is not offered at all.
    this.slots = list.slots.filter((s) => s.open);
    if (!this.slots.some((s) => s.start === this.draft.slot && s.free > 0)) this.draft = { ...this.draft, slot: '' };
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const t = speak.t;
    if (this.placed) return html`<ds-order-placed .placed=${this.placed} .timeZone=${this.timeZone} .api=${this.#api} @order-back=${() => emit(this, 'order-back')}></ds-order-placed>`;
    const back = html`<button class="wide" type="button" data-order-back @click=${() => emit(this, 'order-back')}>${t('order.back')}</button>`;
    if (this.loadFailed) return html`<section><p class="alert" role="alert">${t('order.openFailed')}</p><button type="button" @click=${() => void this.#load()}>${t('report.retry')}</button>${back}</section>`;
    const s = this.offer;
    if (!s) return html`<section><p role="status">${t('order.opening')}</p>${back}</section>`;
    return html`<section aria-labelledby="order-title" data-order-flow=${s.id}>
      <h2 id="order-title">${speak.name(s.name, s.names)}</h2>
      ${s.description ? html`<p class="hint">${s.description}</p>` : nothing}
      <p data-price-rule>${priceRuleText(speak, s.price, s.currency)} · ${t(paymentModeKey(s.paymentMode))}</p>
      <form novalidate @submit=${this.#submit}>
        ${this.#slotField()}
        ${s.price.kind === 'per-unit' ? this.#quantityField(s.price.unit, s.price.maxQuantity) : nothing}
        <p><span>${t('order.price')}: </span><span class="price" data-order-price>${money(bookingPrice(s.price, this.draft.quantity), s.currency, speak.lang)}</span>
          ${s.price.kind === 'consumables' ? html`<span class="hint"> ${t('order.plusParts')}</span>` : nothing}</p>
        ${this.#contactFields(s.paymentMode === 'company')}
        ${this.failure ? html`<p class="alert" role="alert" data-order-failure>${this.failure}</p>` : nothing}
        <button class="primary wide" type="submit" ?disabled=${this.sending} data-order-send>${this.sending ? t('order.sending')
          : s.paymentMode === 'at-order' ? t('order.orderAndPay', { amount: money(bookingPrice(s.price, this.draft.quantity), s.currency, speak.lang) }) : t('order.confirm')}</button>
      </form>
      ${back}
    </section>`;
  }

  #slotField() {
    const { t, lang, plural } = this.speak!;
    if (!this.slots) return html`<p role="status">${t('order.slotsLoading')}</p>`;
    if (!this.slots.some((x) => x.free > 0)) return html`<p class="alert" data-no-slots>${t('order.noSlots')}</p>`;
    return html`<label class="field">${t('order.slot')}
      <select data-slot aria-invalid=${this.missing.slot ? 'true' : 'false'} ?disabled=${this.sending} @change=${(e: Event) => this.#set({ slot: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${this.draft.slot === ''}>${t('order.slotPick')}</option>
        ${this.slots.map((x) => {
          const when = slotTime(lang, this.timeZone, x.start, x.end);
          return html`<option value=${x.start} ?selected=${x.start === this.draft.slot} ?disabled=${x.free === 0}>${x.free === 0 ? t('order.slotFull', { time: when }) : plural('order.slotFree', x.free, { time: when })}</option>`;
        })}
      </select>
      ${this.missing.slot ? html`<span class="error" role="alert">${t('order.missingSlot')}</span>` : nothing}
    </label>`;
  }

  #quantityField(unit: string, max: number) {
    const t = this.speak!.t;
    return html`<label class="field">${t('order.quantity', { unit })}
      <input type="number" inputmode="numeric" min="1" max=${max} step="1" data-quantity .value=${String(this.draft.quantity)} ?disabled=${this.sending}
        aria-invalid=${this.missing.quantity ? 'true' : 'false'} @input=${(e: Event) => this.#set({ quantity: Number((e.target as HTMLInputElement).value) })}>
      <span class="hint">${t('order.quantityHint', { max })}</span>
      ${this.missing.quantity ? html`<span class="error" role="alert">${t('order.quantityRefused', { max })}</span>` : nothing}
    </label>`;
  }

  #contactFields(company: boolean) {
    const t = this.speak!.t;
    const field = (key: 'name' | 'phone' | 'email' | 'company', label: string, type: string, autocomplete: string, error?: string) => html`<label class="field">${label}
      <input type=${type} autocomplete=${autocomplete} maxlength="120" data-contact=${key} .value=${this.draft[key]} ?disabled=${this.sending}
        aria-invalid=${error ? 'true' : 'false'} @input=${(e: Event) => this.#set({ [key]: (e.target as HTMLInputElement).value })}>
      ${error ? html`<span class="error" role="alert">${error}</span>` : nothing}</label>`;
    return html`<fieldset><legend>${t('order.contactTitle')}</legend>
      <p class="hint">${t('order.contactHint')}</p>
      ${field('name', t('order.name'), 'text', 'name', this.missing.name ? t('order.missingName') : '')}
      ${field('phone', t('order.phone'), 'tel', 'tel', this.missing.contact ? t('order.missingContact') : '')}
      ${field('email', t('order.email'), 'email', 'email')}
      ${company ? field('company', t('order.company'), 'text', 'organization', this.missing.company ? t('order.missingCompany') : '') : nothing}
    </fieldset>`;
  }

  #set(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    this.missing = {};
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const s = this.offer;
    if (!s || this.sending) return;
    const d = this.draft;
    const max = s.price.kind === 'per-unit' ? s.price.maxQuantity : 1;
    this.missing = {
      slot: d.slot === '', name: d.name.trim() === '', contact: d.phone.trim() === '' && d.email.trim() === '',
      company: s.paymentMode === 'company' && d.company.trim() === '', quantity: !Number.isInteger(d.quantity) || d.quantity < 1 || d.quantity > max,
    };
    if (Object.values(this.missing).some(Boolean)) return;
    const contact = { name: d.name.trim(), ...(d.phone.trim() ? { phone: d.phone.trim() } : {}), ...(d.email.trim() ? { email: d.email.trim() } : {}), ...(s.paymentMode === 'company' ? { company: d.company.trim() } : {}) };
    const booking: Booking = { service: s.id, slot: d.slot, quantity: s.price.kind === 'per-unit' ? d.quantity : 1, contact };
    this.sending = true;
    this.failure = '';
    try {
      this.placed = await this.#api.place(booking);
    } catch (error) {
      const problem = sendProblem(error);
      this.failure = explainRefusal(this.speak!, problem, max);
      // A full or closed slot is shown as it is now, so the next pick is one that can be booked.
      if (problem.kind === 'other' && (problem.code === 'SLOT_FULL' || problem.code === 'SLOT_IN_PAST' || problem.code === 'NOT_A_SLOT')) await this.#readSlots().catch(() => {});
    } finally {
      this.sending = false;
    }
  }
}

customElements.define('ds-order-flow', DsOrderFlow);

declare global {
  interface HTMLElementTagNameMap { 'ds-order-flow': DsOrderFlow }
}
