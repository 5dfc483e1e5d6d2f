import type { Vendor } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { catalogs, languages } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import type { WorkOrdersApi } from './work-orders-api.ts';
import { refusalWords } from './work-order-words.ts';

/** The vendors the team sends work to, and a form to add one with its first contact. Fires `vendors-changed`. */
export class DsVendorDirectory extends LocalizedElement {
  static override properties = { vendors: { attribute: false }, api: { attribute: false }, busy: { state: true }, notice: { state: true }, failure: { state: true } };
  declare vendors: readonly Vendor[];
  declare api: WorkOrdersApi;
  declare busy: boolean;
  declare notice: string;
  declare failure: string;

  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); align-items: end; }
    section + section { margin-top: 16px; }
  `];

  constructor() {
    super();
    this.vendors = [];
    this.busy = false;
    this.notice = '';
    this.failure = '';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const languageOptions = languages.map((l) => html`<option value=${l} lang=${l}>${catalogs[l]['language.name']}</option>`);
    return html`
      <section aria-labelledby="vendors-title">
        <h3 id="vendors-title">${t('wo.vendors')}</h3>
        ${this.vendors.length === 0 ? html`<p class="muted">${t('wo.noVendors')}</p>` : html`<div class="scroll"><table data-vendors>
          <thead><tr><th scope="col">${t('wo.vendorName')}</th><th scope="col">${t('wo.trade')}</th><th scope="col">${t('wo.email')}</th>
            <th scope="col">${t('wo.contacts')}</th><th scope="col">${t('wo.reminders')}</th></tr></thead>
          <tbody>${this.vendors.map((v) => html`<tr data-vendor=${v.id}><td>${v.name}</td><td>${v.trade}</td><td>${v.email}</td>
            <td>${v.contacts.map((c) => `${c.name} (${c.language})`).join(', ')}</td><td>${t(v.reminders ? 'wo.on' : 'wo.off')}</td></tr>`)}</tbody>
        </table></div>`}
      </section>
      <section aria-labelledby="vendor-add-title">
        <h3 id="vendor-add-title">${t('wo.addVendor')}</h3>
        <form data-vendor-form @submit=${this.#submit}>
          <label>${t('wo.vendorName')}<input name="name" required maxlength="120"></label>
          <label>${t('wo.trade')}<input name="trade" required maxlength="80"></label>
          <label>${t('wo.email')}<input name="email" type="email" required maxlength="200"></label>
          <label>${t('wo.language')}<select name="language">${languageOptions}</select></label>
          <label>${t('wo.contactName')}<input name="contactName" required maxlength="120"></label>
          <label>${t('wo.contactEmail')}<input name="contactEmail" type="email" required maxlength="200"></label>
          <label>${t('wo.contactLanguage')}<select name="contactLanguage">${languageOptions}</select></label>
          <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('wo.addVendorButton')}</button></div>
        </form>
        <p role="status" data-vendor-notice>${this.notice}</p>
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      </section>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const d = new FormData(form);
    const text = (name: string) => String(d.get(name) ?? '').trim();
    this.busy = true;
    this.failure = '';
    this.notice = '';
    try {
      const vendor = await this.api.addVendor({
        name: text('name'), trade: text('trade'), email: text('email'), language: text('language'),
        contacts: [{ name: text('contactName'), email: text('contactEmail'), phone: null, language: text('contactLanguage') }],
      });
      form.reset();
      this.notice = this.speak!.t('wo.vendorAdded', { vendor: vendor.name });
      emit(this, 'vendors-changed');
    } catch (error) {
      this.failure = refusalWords(this.speak!, error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-vendor-directory', DsVendorDirectory);

declare global {
  interface HTMLElementTagNameMap { 'ds-vendor-directory': DsVendorDirectory }
}
