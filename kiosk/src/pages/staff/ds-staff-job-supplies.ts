import type { JobConsumables, StockChoices } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { JobSuppliesApi, type SupplyMove } from './job-supplies-api.ts';
import { staffBase } from './staff-styles.ts';

const held = (i: JobConsumables['items'][number]) => Math.max(0, i.issued - i.used - i.returned);

/**
 * A job's materials: what to bring (asked for, and what the store has handed out), asking the
 * store for more, recording what was used and bringing the rest back. Each is one request; the
 * gateway judges whether the worker may.
 */
export class DsStaffJobSupplies extends LocalizedElement {
  static override properties = { ticket: {}, supplies: { state: true }, choices: { state: true }, notice: { state: true }, busy: { state: true }, failed: { state: true } };
  declare ticket: string;
  declare supplies: JobConsumables | undefined;
  declare choices: StockChoices['items'];
  declare notice: { ok: boolean; text: string } | undefined;
  declare busy: boolean;
  declare failed: boolean;
  readonly #api = new JobSuppliesApi(new URL('./', location.href));
  static override styles = [staffBase, css`
    :host { display: block; } section { display: grid; gap: 10px; } h3 { font-size: 1.1rem; }
    ul { margin: 0; padding-left: 1.2rem; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px; border-bottom: 1px solid #bbb; vertical-align: top; }
    .scroll { overflow-x: auto; } form { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; } label { display: grid; gap: 4px; font-weight: 600; }
    input[type=number] { width: 6em; } .ok { color: #0b5d2a; font-weight: 700; } .error { color: #8a0010; font-weight: 700; }
  `];

  constructor() {
    super();
    this.choices = [];
    this.busy = false;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    void this.#api.choices().then((c) => { this.choices = c; }, () => {});
  }

  async #load(): Promise<void> {
    try {
      this.supplies = await this.#api.consumables(this.ticket);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  async #move(move: SupplyMove, item: string, quantity: number): Promise<void> {
    const t = this.speak!.t;
    this.busy = true;
    try {
      await this.#api.move(this.ticket, move, item, quantity);
      this.notice = { ok: true, text: t(move === 'request' ? 'supplies.requested' : move === 'use' ? 'supplies.usedDone' : 'supplies.returnedDone') };
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      this.notice = { ok: false, text: code === 'MORE_THAN_HELD' ? t('supplies.moreThanHeld') : code === 'STOCK_TOO_LOW' ? t('supplies.tooLow')
        : error instanceof ApiError && error.status === 403 ? t('supplies.notAllowed') : t('supplies.refused', { code: code ?? (error instanceof ApiError ? String(error.status) : '') }) };
    } finally {
      this.busy = false;
    }
    await this.#load();
  }

  #submit(move: SupplyMove, item: string) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      if (!form.reportValidity()) return;
      const data = new FormData(form);
      void this.#move(move === 'request' ? 'request' : ((event.submitter as HTMLButtonElement | null)?.value as SupplyMove) ?? move, item || String(data.get('item')), Number(data.get('quantity')));
    };
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const s = this.supplies;
    const bring = s?.items.filter((i) => i.requested > 0 || held(i) > 0) ?? [];
    return html`<section aria-labelledby="supplies-title" data-supplies=${this.ticket}>
      <h3 id="supplies-title">${t('supplies.title')}</h3>
      ${this.failed ? html`<p class="error" role="alert">${t('supplies.failed')}</p>` : nothing}
      ${!s ? nothing : bring.length === 0 ? html`<p class="muted" data-nothing-to-bring>${t('supplies.nothing')}</p>`
        : html`<p><strong>${t('supplies.bring')}</strong></p><ul data-bring>${bring.map((i) => html`<li data-bring-item=${i.item}>${t('supplies.bringLine', { name: i.name, asked: i.requested, held: held(i), unit: i.unit })}</li>`)}</ul>`}
      ${s && s.items.length ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="supplies-title"><table data-supply-table>
        <thead><tr><th scope="col">${t('supplies.item')}</th><th scope="col">${t('supplies.asked')}</th><th scope="col">${t('supplies.issued')}</th>
          <th scope="col">${t('supplies.used')}</th><th scope="col">${t('supplies.returned')}</th><th scope="col">${t('supplies.record')}</th></tr></thead>
        <tbody>${s.items.map((i) => html`<tr data-supply=${i.item}><td>${i.name} (${i.unit})</td><td>${i.requested}</td><td>${i.issued}</td><td data-used>${i.used}</td><td data-returned>${i.returned}</td>
          <td>${held(i) > 0 ? html`<form @submit=${this.#submit('use', i.item)}>
            <label>${t('supplies.quantity')}<input type="number" name="quantity" min="1" max=${held(i)} step="1" required .value=${String(held(i))} aria-label=${t('supplies.quantityFor', { item: i.name })}></label>
            <button type="submit" value="use" data-use ?disabled=${this.busy}>${t('supplies.use')}</button>
            <button type="submit" value="return" data-return ?disabled=${this.busy}>${t('supplies.return')}</button></form>` : '–'}</td></tr>`)}</tbody>
      </table></div>` : nothing}
      <form data-request @submit=${this.#submit('request', '')}>
        <label>${t('supplies.requestItem')}<select name="item" required>${this.choices.map((c) => html`<option value=${c.id}>${t('supplies.inStore', { name: c.name, level: c.level, unit: c.unit })}</option>`)}</select></label>
        <label>${t('supplies.quantity')}<input type="number" name="quantity" min="1" max="1000" step="1" required value="1"></label>
        <button type="submit" ?disabled=${this.busy || this.choices.length === 0}>${t('supplies.request')}</button>
      </form>
      <p role="status" class=${this.notice?.ok ? 'ok' : 'error'} data-supplies-notice>${this.notice?.text ?? ''}</p>
      <button type="button" @click=${() => void this.#load()}>${t('supplies.refresh')}</button>
    </section>`;
  }
}

customElements.define('ds-staff-job-supplies', DsStaffJobSupplies);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-job-supplies': DsStaffJobSupplies }
}
