import { html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { portalLook } from './portal-look.ts';

/**
 * Sign-in by a mailed link: the address form, then "check your mail"; opened from the link,
 * one button that spends its token. Fires `ask-link` (detail `{ email }`) and `confirm-link`.
 */
export class DsPortalSignIn extends LocalizedElement {
  static override properties = { step: {}, problem: {}, busy: { type: Boolean }, sentTo: {}, minutes: { type: Number } };
  declare step: 'form' | 'sent' | 'confirm';
  declare problem: MessageKey | null;
  declare busy: boolean;
  declare sentTo: string;
  declare minutes: number;

  static override styles = portalLook;

  constructor() {
    super();
    this.step = 'form';
    this.problem = null;
    this.busy = false;
    this.sentTo = '';
    this.minutes = 15;
  }

  override render() {
    if (!this.speak) return nothing;
    const t = this.speak.t;
    const problem = this.problem ? html`<p class="alert" role="alert" data-problem>${t(this.problem)}</p>` : nothing;
    if (this.step === 'confirm') {
      return html`<section class="card" aria-labelledby="confirm-title">
        <h2 id="confirm-title">${t('portal.confirmTitle')}</h2>
        ${problem}
        ${this.problem ? nothing : html`<p>${t('portal.confirmIntro')}</p>
          <button class="primary" type="button" data-confirm ?disabled=${this.busy} @click=${() => emit(this, 'confirm-link')}>${t(this.busy ? 'portal.signingIn' : 'portal.confirm')}</button>`}
      </section>${this.problem ? this.#form() : nothing}`;
    }
    return html`${problem}${this.step === 'sent' ? html`<p class="ok" role="status" data-sent>${t('portal.checkMail', { email: this.sentTo, minutes: this.minutes })}</p>` : nothing}${this.#form()}`;
  }

  #form() {
    const t = this.speak!.t;
    return html`<section class="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${t('portal.signInTitle')}</h2>
      <p>${t('portal.signInIntro')}</p>
      <form novalidate @submit=${this.#ask}>
        <label class="field">${t('portal.email')}<input type="email" name="email" autocomplete="email" required maxlength="200" .value=${this.sentTo}></label>
        <p><button class="primary" type="submit" ?disabled=${this.busy && this.step !== 'confirm'}>${t(this.busy && this.step !== 'confirm' ? 'portal.sending' : 'portal.sendLink')}</button></p>
      </form>
    </section>`;
  }

  #ask(event: SubmitEvent) {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    emit(this, 'ask-link', { email });
  }
}

customElements.define('ds-portal-sign-in', DsPortalSignIn);
