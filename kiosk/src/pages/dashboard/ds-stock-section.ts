import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import { type Movements, type Overview, type Requests, StockApi } from './stock-api.ts';

/** The stores' items with their levels, what jobs asked for and is still to be issued, receiving stock, and the latest ledger lines. */
export class DsStockSection extends LocalizedElement {
  static override properties = { overview: { state: true }, movements: { state: true }, requests: { state: true }, failed: { state: true }, notice: { state: true } };
  declare overview: Overview | undefined;
  declare movements: Movements | undefined;
  declare requests: Requests | undefined;
  declare failed: boolean;
  declare notice: string;
  static override styles = [dashBase, css`section + section { margin-top: 24px; } .low { color: #8a0010; font-weight: 700; } form { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; } input[type=number] { width: 7em; }`];
  readonly #api = new StockApi(new URL('./', location.href));

  constructor() {
    super();
    this.failed = false;
    this.notice = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      [this.overview, this.movements, this.requests] = await Promise.all([this.#api.overview(), this.#api.movements(), this.#api.requests()]);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  async #act(work: () => Promise<void>, done: 'stockDash.received' | 'stockDash.issued'): Promise<void> {
    const t = this.speak!.t;
    let notice: string;
    try {
      await work();
      notice = t(done);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      notice = code === 'STOCK_TOO_LOW' ? t('stockDash.tooLow') : code === 'NOT_STORE_OWNER' || code === 'NOT_PERMITTED' ? t('stockDash.notAllowed') : t('stockDash.refused');
    }
    await this.#load();
    this.notice = notice;
  }

  #receive(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const quantity = Number(data.get('quantity'));
    const item = String(data.get('item'));
    void this.#act(() => this.#api.receive(item, quantity), 'stockDash.received').then(() => form.reset());
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('stockDash.failed')}</p>`;
    if (!this.overview || !this.movements || !this.requests) return html`<p class="muted" role="status">${t('stockDash.loading')}</p>`;
    const number = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const names = new Map(this.overview.items.map((i) => [i.id, i]));
    return html`
      <p role="status" data-notice>${this.notice}</p>
      <section aria-labelledby="stock-items-title">
        <h3 id="stock-items-title">${t('stockDash.items')}</h3>
        <div class="scroll"><table data-items>
          <thead><tr><th scope="col">${t('stockDash.item')}</th><th scope="col">${t('stockDash.level')}</th><th scope="col">${t('stockDash.minimum')}</th>
            <th scope="col">${t('stockDash.out')}</th><th scope="col">${t('stockDash.requested')}</th><th scope="col">${t('stockDash.cost')}</th><th scope="col">${t('stockDash.billable')}</th></tr></thead>
          <tbody>${this.overview.items.map((i) => html`<tr data-item=${i.id}><td>${i.name}</td>
            <td data-level class=${i.level < i.minimum ? 'low' : ''}>${i.level} ${i.unit}${i.level < i.minimum ? html` · ${t('stockDash.low')}` : nothing}</td>
            <td>${i.minimum}</td><td>${i.out}</td><td>${i.requested}</td><td>${number.format(i.cost / 100)}</td><td>${i.billable ? t('stockDash.yes') : t('stockDash.no')}</td></tr>`)}</tbody>
        </table></div>
        <form data-receive @submit=${this.#receive}>
          <label>${t('stockDash.item')}<select name="item" required>${this.overview.items.map((i) => html`<option value=${i.id}>${i.name}</option>`)}</select></label>
          <label>${t('stockDash.quantity')}<input name="quantity" type="number" min="1" step="1" required></label>
          <button type="submit">${t('stockDash.receive')}</button>
        </form>
      </section>
      <section aria-labelledby="stock-requests-title">
        <h3 id="stock-requests-title">${t('stockDash.requests')}</h3>
        ${this.requests.length === 0 ? html`<p class="muted" data-no-requests>${t('stockDash.noRequests')}</p>` : html`<div class="scroll"><table data-requests>
          <thead><tr><th scope="col">${t('stockDash.job')}</th><th scope="col">${t('stockDash.item')}</th><th scope="col">${t('stockDash.worker')}</th><th scope="col">${t('stockDash.toIssue')}</th><th scope="col">${t('stockDash.action')}</th></tr></thead>
          <tbody>${this.requests.map((r) => html`<tr data-request=${`${r.ticket}:${r.item}`}><td>${r.ticket}</td><td>${r.name}</td><td>${r.worker ?? '–'}</td><td>${r.outstanding} ${r.unit}</td>
            <td><button type="button" data-issue @click=${() => this.#act(() => this.#api.issue(r.ticket, r.item, r.outstanding), 'stockDash.issued')}>${t('stockDash.issue')}<span class="sr-only">: ${r.name}, ${r.ticket}</span></button></td></tr>`)}</tbody>
        </table></div>`}
      </section>
      <section aria-labelledby="stock-ledger-title">
        <h3 id="stock-ledger-title">${t('stockDash.ledger')}</h3>
        <div class="scroll"><table data-movements>
          <thead><tr><th scope="col">${t('stockDash.when')}</th><th scope="col">${t('stockDash.item')}</th><th scope="col">${t('stockDash.kind')}</th><th scope="col">${t('stockDash.quantity')}</th><th scope="col">${t('stockDash.levelAfter')}</th><th scope="col">${t('stockDash.job')}</th></tr></thead>
          <tbody>${this.movements.map((m) => html`<tr data-movement=${m.id}><td>${new Date(m.at).toLocaleString(lang)}</td><td>${names.get(m.item)?.name ?? m.item}</td>
            <td>${t(`stockDash.kind.${m.kind}`)}</td><td>${m.quantity}</td><td>${m.levelAfter}</td><td>${m.ticket ?? '–'}</td></tr>`)}</tbody>
        </table></div>
      </section>`;
  }
}

customElements.define('ds-stock-section', DsStockSection);
