import type { Ticket, Vendor } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import type { NewOrder, Sent, WorkOrdersApi } from './work-orders-api.ts';
import { refusalWords } from './work-order-words.ts';

const CLOSED = ['verified', 'cancelled'];
const CURRENCIES = ['EUR', 'NOK', 'CNY', 'USD', 'GBP', 'SEK', 'DKK'];

/**
 * Sends a work order from a ticket: its title, description and files go with it, plus the
 * vendor, instructions, a wanted-by time and a cost limit. With `ticket` set the form is for
 * that ticket only. Fires `order-changed` (detail: the order) once sent.
 */
export class DsWorkOrderForm extends LocalizedElement {
  static override properties = {
    tickets: { attribute: false }, vendors: { attribute: false }, api: { attribute: false }, ticket: {},
    busy: { state: true }, sent: { state: true }, failure: { state: true },
  };
  declare tickets: readonly Ticket[];
  declare vendors: readonly Vendor[];
  declare api: WorkOrdersApi;
  declare ticket: string;
  declare busy: boolean;
  declare sent: Sent | undefined;
  declare failure: string;

  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; max-width: 40rem; }
    textarea { font: inherit; min-height: 4rem; border: 2px solid #1d1d1d; border-radius: 8px; padding: 6px 12px; }
    label.check { display: flex; gap: 8px; align-items: center; font-weight: 600; }
    label.check input { min-height: 0; width: 1.3rem; height: 1.3rem; }
    .link { overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
  `];

  constructor() {
    super();
    this.tickets = [];
    this.vendors = [];
    this.ticket = '';
    this.busy = false;
    this.failure = '';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const open = this.tickets.filter((x) => !CLOSED.includes(x.status));
    const vendors = this.vendors.filter((v) => v.active);
    const id = this.ticket ? `wo-form-${this.ticket}` : 'wo-form';
    return html`<section aria-labelledby="${id}-title">
      <h3 id="${id}-title">${t('wo.send')}</h3>
      <form data-order-form @submit=${this.#submit}>
        ${this.ticket ? nothing : html`<label>${t('wo.ticket')}<select name="ticket" required>
          <option value="">${t('wo.pickTicket')}</option>${open.map((x) => html`<option value=${x.id}>${x.id} · ${x.title}</option>`)}</select></label>`}
        <label>${t('wo.vendor')}<select name="vendor" required>
          <option value="">${t('wo.pickVendor')}</option>${vendors.map((v) => html`<option value=${v.id}>${v.name} · ${v.trade}</option>`)}</select></label>
        <label>${t('wo.instructions')}<textarea name="instructions" maxlength="4000"></textarea></label>
        <label>${t('wo.wantedBy')}<input name="dueAt" type="datetime-local"></label>
        <div class="row">
          <label>${t('wo.limitAmount')}<input name="amount" type="number" min="0" step="0.01" inputmode="decimal"></label>
          <label>${t('wo.currency')}<select name="currency">${CURRENCIES.map((c) => html`<option>${c}</option>`)}</select></label>
        </div>
        <label class="check"><input type="checkbox" name="share">${t('wo.shareReporter')}</label>
        <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('wo.sendButton')}</button></div>
      </form>
      ${this.failure ? html`<p class="error" role="alert" data-failure>${this.failure}</p>` : nothing}
      ${this.sent ? html`<div role="status" data-sent=${this.sent.workOrder.id}>
        <p>${t('wo.done.sent', { id: this.sent.workOrder.id, vendor: this.vendors.find((v) => v.id === this.sent!.workOrder.vendor)?.name ?? '' })}</p>
        <ul>${this.sent.links.map((l) => html`<li class="link" data-link=${l.contact}>${this.vendors.flatMap((v) => v.contacts).find((c) => c.id === l.contact)?.name ?? l.contact}: ${l.url}</li>`)}</ul>
      </div>` : nothing}
    </section>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const ticket = this.ticket || String(data.get('ticket') ?? '');
    const amount = String(data.get('amount') ?? '').trim();
    const due = String(data.get('dueAt') ?? '');
    const currency = String(data.get('currency') ?? 'EUR');
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const body: NewOrder = {
      vendor: String(data.get('vendor') ?? ''),
      instructions: String(data.get('instructions') ?? ''),
      shareReporterContact: data.get('share') === 'on',
      ...(due ? { dueAt: new Date(due).toISOString() } : {}),
      ...(amount ? { costLimit: { amount: Math.round(Number(amount) * 10 ** digits), currency } } : {}),
    };
    this.busy = true;
    this.failure = '';
    this.sent = undefined;
    try {
      this.sent = await this.api.sendOrder(ticket, body);
      form.reset();
      emit(this, 'order-changed', this.sent.workOrder);
    } catch (error) {
      this.failure = refusalWords(this.speak!, error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-work-order-form', DsWorkOrderForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-work-order-form': DsWorkOrderForm }
}
