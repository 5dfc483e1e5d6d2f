import { html, nothing } from 'lit';
import { LocalizedElement } from './localized-element.ts';
import type { MessageKey } from '../i18n/index.ts';
import { emit } from './emit.ts';

/** The texts a page's sign-in form shows, from that page's own catalog keys. */
export interface SignInTexts { title: MessageKey; username: MessageKey; password: MessageKey; signIn: MessageKey; signingIn: MessageKey }

/**
 * Username and password for pages whose users sign in; fires `sign-in` with
 * `detail: {username, password}`. A page subclasses it with its styles and texts.
 */
export abstract class SignInForm extends LocalizedElement {
  static override properties = { error: {}, notice: {}, busy: { type: Boolean } };
  declare error: string;
  declare notice: string;
  declare busy: boolean;

  protected abstract readonly texts: SignInTexts;

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.busy = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const texts = this.texts;
    return html`
      <form @submit=${this.#submit} data-sign-in>
        <h2>${t(texts.title)}</h2>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
        <label>${t(texts.username)}
          <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="48">
        </label>
        <label>${t(texts.password)}
          <input name="password" type="password" autocomplete="current-password" required maxlength="200">
        </label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t(texts.signingIn) : t(texts.signIn)}</button>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    emit(this, 'sign-in', { username: value('username').trim().toLowerCase(), password: value('password') });
  }
}
