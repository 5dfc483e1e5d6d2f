import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { centralStyles } from './central-styles.ts';
import { emit } from '../../components/emit.ts';

/** Username and password; fires `sign-in` with `detail.{username,password}`. */
export class DsCentralSignIn extends LocalizedElement {
  static override properties = { error: {}, busy: { type: Boolean } };
  declare error: string;
  declare busy: boolean;

  static override styles = [centralStyles, css`
    form { display: grid; gap: 1rem; max-width: 24rem; margin: 2rem auto; }
  `];

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const t = speak.t;
    return html`
      <form class="card" @submit=${this.#submit}>
        <h2>${t('central.signInTitle')}</h2>
        <label>${t('central.username')}<input name="username" autocomplete="username" required maxlength="48"></label>
        <label>${t('central.password')}<input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('central.loading') : t('central.signIn')}</button>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    emit(this, 'sign-in', { username: String(data.get('username') ?? '').trim(), password: String(data.get('password') ?? '') });
  }
}

customElements.define('ds-central-sign-in', DsCentralSignIn);
