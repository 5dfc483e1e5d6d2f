import { css, html, LitElement } from 'lit';
import { catalogs, type Lang, languages } from '../i18n/index.ts';
import { emit } from './emit.ts';

/**
 * The page's languages as buttons, each named in its own language so anyone finds theirs.
 * Fires `lang-change` (detail: `{ lang }`); the page decides what switching means.
 */
export class DsLangSwitch extends LitElement {
  static override properties = { lang: {}, label: {} };
  declare lang: Lang;
  /** The accessible name of the group ("Language"), in the page's current language. */
  declare label: string;

  static override styles = css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    button {
      min-height: 44px; min-width: 44px; padding: 0.4rem 0.8rem; font: inherit; font-size: 0.95rem;
      border: 2px solid #1d1d1d; border-radius: 999px; background: #fff; color: #111; cursor: pointer;
    }
    button[aria-pressed='true'] { background: #111; color: #fff; font-weight: 700; }
    button:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.lang = 'en';
    this.label = '';
  }

  override render() {
    return html`
      <nav aria-label=${this.label}>
        <ul>
          ${languages.map((lang) => html`
            <li><button type="button" lang=${lang} data-lang=${lang} aria-pressed=${lang === this.lang ? 'true' : 'false'}
              @click=${() => this.#choose(lang)}>${catalogs[lang]['language.name']}</button></li>`)}
        </ul>
      </nav>`;
  }

  #choose(lang: Lang): void {
    if (lang === this.lang) return;
    emit(this, 'lang-change', { lang });
  }
}

customElements.define('ds-lang-switch', DsLangSwitch);

declare global {
  interface HTMLElementTagNameMap { 'ds-lang-switch': DsLangSwitch }
}
