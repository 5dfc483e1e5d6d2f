import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { categoryIcon } from './category-icons.ts';
import { categoryName } from './category-name.ts';
import { occupantLook } from './occupant-look.ts';
import { emit } from '../../components/emit.ts';

export interface CategoryChoice { id: string; name: string }

/** The categories as large tiles with an icon and a word (radio buttons underneath); fires `category-change` (detail: id). */
export class DsCategoryPicker extends LocalizedElement {
  static override properties = { categories: { attribute: false }, value: {}, error: {}, disabled: { type: Boolean } };
  declare categories: CategoryChoice[];
  declare value: string;
  declare error: string;
  declare disabled: boolean;

  static override styles = [occupantLook, css`
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { font-weight: 700; font-size: 1.15rem; padding: 0; margin-bottom: 0.5rem; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.6rem; }
    label { position: relative; display: flex; align-items: center; gap: 0.6rem; min-height: 56px; padding: 0.6rem 0.75rem;
      border: 2px solid #555; border-radius: 0.6rem; background: #fff; cursor: pointer; font-weight: 600; overflow-wrap: anywhere; }
    label:has(input:checked) { border-color: #0b4f9c; background: #0b4f9c; color: #fff; }
    label:focus-within { outline: 3px solid #0b4f9c; outline-offset: 2px; }
    input { position: absolute; opacity: 0; inset: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
    svg { width: 28px; height: 28px; flex: none; }
    .error { margin-top: 0.4rem; }
  `];

  constructor() {
    super();
    this.categories = [];
    this.value = '';
    this.error = '';
    this.disabled = false;
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    return html`
      <fieldset ?disabled=${this.disabled} aria-describedby=${this.error ? 'category-error' : nothing}>
        <legend>${speak.t('report.categoryLegend')}</legend>
        <div class="tiles">
          ${this.categories.map((c) => html`
            <label data-category=${c.id}>
              <input type="radio" name="category" value=${c.id} .checked=${this.value === c.id}
                @change=${() => emit(this, 'category-change', c.id)}>
              <svg viewBox="0 0 24 24" aria-hidden="true">${categoryIcon(c.id)}</svg>
              <span>${categoryName(speak, c)}</span>
            </label>`)}
        </div>
        ${this.error ? html`<p class="error" id="category-error" role="alert">${this.error}</p>` : nothing}
      </fieldset>`;
  }
}

customElements.define('ds-category-picker', DsCategoryPicker);

declare global {
  interface HTMLElementTagNameMap { 'ds-category-picker': DsCategoryPicker }
}
