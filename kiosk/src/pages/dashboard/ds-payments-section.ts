import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { money } from '../../payments/money-format.ts';
import { dashBase } from './dashboard-styles.ts';
import { type Companies, type Payments, PaymentsApi } from './payments-api.ts';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Company accounts' monthly statements (download as CSV or PDF), and the payments ledger with what needs a person. */
export class DsPaymentsSection extends LocalizedElement {
  static override properties = { month: { state: true }, companies: { state: true }, payments: { state: true }, failed: { state: true } };
  declare month: string;
  declare companies: Companies | undefined;
  declare payments: Payments | undefined;
  declare failed: boolean;
  static override styles = [dashBase, css`section + section { margin-top: 24px; } .links { display: flex; gap: 8px; flex-wrap: wrap; } .flag { color: #8a0010; font-weight: 700; }`];
  readonly #api = new PaymentsApi(new URL('./', location.href));

  constructor() {
    super();
    this.month = thisMonth();
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      [this.companies, this.payments] = await Promise.all([this.#api.companies(this.month), this.#api.payments()]);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  #pickMonth(event: Event) {
    const value = (event.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    this.month = value;
    this.companies = undefined;
    void this.#load();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('payDash.failed')}</p>`;
    return html`
      <section aria-labelledby="statements-title">
        <h3 id="statements-title">${t('payDash.statements')}</h3>
        <div class="row"><label>${t('payDash.month')}<input type="month" data-month .value=${this.month} @change=${this.#pickMonth}></label></div>
        ${!this.companies ? html`<p class="muted" role="status">${t('payDash.loading')}</p>`
          : this.companies.companies.length === 0 ? html`<p class="muted" data-no-statements>${t('payDash.noStatements')}</p>`
            : html`<div class="scroll"><table data-statements>
          <thead><tr><th scope="col">${t('payDash.company')}</th><th scope="col">${t('payDash.charges')}</th><th scope="col">${t('payDash.owed')}</th><th scope="col">${t('payDash.download')}</th></tr></thead>
          <tbody>${this.companies.companies.map((c) => html`<tr data-company=${c.company}><td>${c.company}</td><td>${c.count}</td><td>${money(c.total, c.currency, lang)}</td>
            <td class="links"><a class="button" data-csv download href=${this.#api.statementUrl('csv', this.month, c.company, lang)}>CSV<span class="sr-only">: ${c.company}</span></a>
            <a class="button" data-pdf download href=${this.#api.statementUrl('pdf', this.month, c.company, lang)}>PDF<span class="sr-only">: ${c.company}</span></a></td></tr>`)}</tbody>
        </table></div>`}
      </section>
      <section aria-labelledby="ledger-title">
        <h3 id="ledger-title">${t('payDash.ledger')}</h3>
        ${!this.payments ? html`<p class="muted" role="status">${t('payDash.loading')}</p>` : html`<div class="scroll"><table data-ledger>
          <thead><tr><th scope="col">${t('payDash.payment')}</th><th scope="col">${t('payDash.order')}</th><th scope="col">${t('payDash.provider')}</th><th scope="col">${t('payDash.amount')}</th><th scope="col">${t('payDash.status')}</th><th scope="col">${t('payDash.refunded')}</th></tr></thead>
          <tbody>${this.payments.map((p) => html`<tr data-payment=${p.id}><td>${p.id}</td><td>${p.order}</td><td>${t(`payDash.provider.${p.provider}`)}${p.company ? html` · ${p.company}` : nothing}</td>
            <td>${money(p.amount, p.currency, lang)}</td><td>${t(`payDash.status.${p.status}`)}${p.flag ? html` <span class="flag" data-flag=${p.flag.code}>${t(`payDash.flag.${p.flag.code}`)}</span>` : nothing}</td>
            <td>${p.refunded ? money(p.refunded, p.currency, lang) : '–'}</td></tr>`)}</tbody>
        </table></div>`}
      </section>`;
  }
}

customElements.define('ds-payments-section', DsPaymentsSection);
