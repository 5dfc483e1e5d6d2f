import { css, html, LitElement, nothing } from 'lit';
import type { Translator } from '../../i18n/translator.ts';
import { staffBase } from './staff-styles.ts';

/** Username and password; fires `sign-in` with `detail: {username, password}`. */
export class DsStaffSignIn extends LitElement {
  static override properties = { speak: { attribute: false }, error: {}, notice: {}, busy: { type: Boolean } };
  declare speak: Translator | undefined;
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  static override styles = [staffBase, css`
    form { display: grid; gap: 18px; max-width: 420px; margin: 0 auto; padding: 8px 0; }
    h2 { font-size: 1.4rem; }
    button { width: 100%; }
  `];

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-sign-in>
        <h2>${t('staff.signInTitle')}</h2>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
        <label>${t('staff.username')}
          <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="48">
        </label>
        <label>${t('staff.password')}
          <input name="password" type="password" autocomplete="current-password" required maxlength="200">
        </label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('staff.signingIn') : t('staff.signIn')}</button>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent('sign-in', {
      detail: { username: value('username').trim().toLowerCase(), password: value('password') }, bubbles: true, composed: true,
    }));
  }
}

customElements.define('ds-staff-sign-in', DsStaffSignIn);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-sign-in': DsStaffSignIn }
}
