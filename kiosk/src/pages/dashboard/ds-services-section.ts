import type { Service, ServiceFields, SlotSchedule } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { paymentModeKey, priceRuleText } from '../../payments/price-words.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-service-form.ts';
import './ds-slot-form.ts';
import { type Catalogue, type CategoryChoices, ServicesApi } from './services-api.ts';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'service'; id: string } | { kind: 'slots'; id: string };
const monday = Date.UTC(2024, 0, 1);

/** The catalogue of paid services (收费设置): each item's price rule, team, visit length, payment mode and bookable times; adding and changing them. */
export class DsServicesSection extends LocalizedElement {
  static override properties = { catalogue: { state: true }, categories: { state: true }, editing: { state: true }, failed: { state: true }, notice: { state: true }, busy: { state: true } };
  declare catalogue: Catalogue | undefined;
  declare categories: CategoryChoices;
  declare editing: Editing;
  declare failed: boolean;
  declare notice: { ok: boolean; text: string } | undefined;
  declare busy: boolean;
  static override styles = [dashBase, css`.top { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; } .editor { margin-top: 16px; }
    .ok { color: #0b5d2a; font-weight: 700; } td.actions { display: flex; gap: 6px; flex-wrap: wrap; } .off { color: #555; }`];
  readonly #api = new ServicesApi(new URL('./', location.href));

  constructor() {
    super();
    this.categories = [];
    this.editing = { kind: 'none' };
    this.failed = false;
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      [this.catalogue, this.categories] = await Promise.all([this.#api.catalogue(), this.#api.categories()]);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  async #save(work: () => Promise<Service>): Promise<void> {
    const t = this.speak!.t;
    this.busy = true;
    try {
      const saved = await work();
      this.editing = { kind: 'none' };
      this.notice = { ok: true, text: t('svcDash.saved', { service: saved.name }) };
      await this.#load();
    } catch (error) {
      const field = error instanceof ApiError && Array.isArray(error.details) ? (error.details[0] as { path?: string } | undefined)?.path : undefined;
      this.notice = { ok: false, text: error instanceof ApiError && error.code === 'INVALID' ? t('svcDash.invalid', { field: field ?? '' }) : t('svcDash.refused', { code: error instanceof ApiError ? error.code ?? String(error.status) : '' }) };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('svcDash.failed')}</p>`;
    const c = this.catalogue;
    if (!c) return html`<p class="muted" role="status">${t('svcDash.loading')}</p>`;
    return html`
      <div class="top"><p class="muted">${t('svcDash.currency', { currency: c.currency })}</p>
        <button type="button" data-new-service @click=${() => { this.editing = { kind: 'new' }; this.notice = undefined; }}>${t('svcDash.add')}</button></div>
      <p role="status" class=${this.notice?.ok ? 'ok' : 'error'} data-notice>${this.notice?.text ?? ''}</p>
      <div class="scroll"><table data-services>
        <thead><tr><th scope="col">${t('svcDash.name')}</th><th scope="col">${t('svcDash.team')}</th><th scope="col">${t('svcDash.duration')}</th><th scope="col">${t('svcDash.price')}</th>
          <th scope="col">${t('svcDash.paymentMode')}</th><th scope="col">${t('svcDash.slots')}</th><th scope="col">${t('svcDash.change')}</th></tr></thead>
        <tbody>${c.services.map((s) => html`<tr data-service=${s.id} class=${s.active ? '' : 'off'}>
          <td>${this.speak!.name(s.name, s.names)}${s.active ? nothing : html` · ${t('svcDash.inactive')}`}<br><span class="muted">${s.id}</span></td>
          <td>${s.team}</td><td>${t('svcDash.minutes', { minutes: s.durationMinutes })}</td><td data-price>${priceRuleText(this.speak!, s.price, s.currency)}</td>
          <td>${t(paymentModeKey(s.paymentMode))}</td><td data-schedule>${this.#schedule(s.schedule)}</td>
          <td class="actions"><button type="button" data-edit @click=${() => { this.editing = { kind: 'service', id: s.id }; this.notice = undefined; }}>${t('svcDash.edit')}<span class="sr-only">: ${s.name}</span></button>
            <button type="button" data-edit-slots @click=${() => { this.editing = { kind: 'slots', id: s.id }; this.notice = undefined; }}>${t('svcDash.editSlots')}<span class="sr-only">: ${s.name}</span></button></td>
        </tr>`)}</tbody>
      </table></div>
      ${this.#editor(c)}`;
  }

  #schedule(s: SlotSchedule | null) {
    const { t, lang } = this.speak!;
    if (!s) return t('svcDash.notBookable');
    const day = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    const rules = s.rules.map((r) => t('svcDash.ruleSummary', { days: r.weekdays.map((d) => day.format(monday + (d - 1) * 86_400_000)).join(' '), times: r.times.join(', '), capacity: r.capacity }));
    return html`${rules.map((r) => html`<div>${r}</div>`)}${s.closed.length ? html`<div class="muted">${this.speak!.plural('svcDash.closedDays', s.closed.length)}</div>` : nothing}`;
  }

  #editor(c: Catalogue) {
    const e = this.editing;
    if (e.kind === 'none') return nothing;
    const t = this.speak!.t;
    const service = e.kind === 'new' ? undefined : c.services.find((s) => s.id === e.id);
    const close = () => { this.editing = { kind: 'none' }; };
    if (e.kind === 'slots' && service) {
      return html`<section class="editor" aria-labelledby="slots-title"><h3 id="slots-title">${t('svcDash.slotsOf', { service: service.name })}</h3>
        <ds-slot-form .service=${service} ?busy=${this.busy} @cancel=${close}
          @slots-save=${(ev: CustomEvent<{ id: string; schedule: SlotSchedule }>) => void this.#save(() => this.#api.setSlots(ev.detail.id, ev.detail.schedule))}></ds-slot-form></section>`;
    }
    return html`<section class="editor" aria-labelledby="service-title"><h3 id="service-title">${service ? t('svcDash.editing', { service: service.name }) : t('svcDash.add')}</h3>
      <ds-service-form .service=${service} .categories=${this.categories} currency=${c.currency} ?busy=${this.busy} @cancel=${close}
        @service-save=${(ev: CustomEvent<{ id: string; fields: ServiceFields }>) => void this.#save(() => this.#api.define(ev.detail.id, ev.detail.fields))}></ds-service-form></section>`;
  }
}

customElements.define('ds-services-section', DsServicesSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-services-section': DsServicesSection }
}
