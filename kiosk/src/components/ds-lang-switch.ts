import { css, html, LitElement } from 'lit';
import { catalogs, type Lang, languages } from '../i18n/index.ts';
import { emit } from './emit.ts';

/**
 * The page's languages as one compact menu, each named in its own language so anyone finds
 * theirs. Fires `lang-change` (detail: `{ lang }`); the page decides what switching means.
 */
export class DsLangSwitch extends LitElement {
  static override properties = { lang: {}, label: {} };
  declare lang: Lang;
  /** The menu's accessible name ("Language"), in the page's current language. */
  declare label: string;

  static override styles = css`
    :host { display: inline-block; }
    label { display: inline-flex; align-items: center; gap: 0.3rem; }
    svg { width: 1.2rem; height: 1.2rem; flex: none; }
    select {
      min-height: 44px; padding: 0.3rem 0.6rem; font: inherit; font-size: 0.95rem;
      border: 2px solid #1d1d1d; border-radius: 8px; background: #fff; color: #111; cursor: pointer;
    }
    select:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.lang = 'en';
    this.label = '';
  }

  override render() {
    return html`
      <label>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" d="M12 3a9 9 0 100 18 9 9 0 000-18zM3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg>
        <select aria-label=${this.label} title=${this.label} @change=${this.#choose}>
          ${languages.map((lang) => html`
            <option value=${lang} lang=${lang} data-lang=${lang} ?selected=${lang === this.lang}>${catalogs[lang]['language.name']}</option>`)}
        </select>
      </label>`;
  }

  #choose(event: Event): void {
    const lang = (event.target as HTMLSelectElement).value as Lang;
    if (lang === this.lang) return;
    emit(this, 'lang-change', { lang });
  }
}

customElements.define('ds-lang-switch', DsLangSwitch);

declare global {
  interface HTMLElementTagNameMap { 'ds-lang-switch': DsLangSwitch }
}
