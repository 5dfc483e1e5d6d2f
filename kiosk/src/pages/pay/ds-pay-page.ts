import type { PayPageView } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import type { Lang } from '../../i18n/index.ts';
import { pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { money } from '../../payments/money-format.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { SendError } from '../report/send-form.ts';
import { PayApi, payLink } from './pay-api.ts';

type Phase = 'loading' | 'unknown' | 'failed' | 'ready' | 'paying' | 'paid' | 'refused';

/** The simulated provider's page: what is asked, one button to pay, and the provider's confirmation. */
export class DsPayPage extends LocalizingPage {
  static override properties = { view: { state: true }, phase: { state: true } };
  declare view: PayPageView | null;
  declare phase: Phase;

  #link = payLink(new URL(location.href));
  #api = new PayApi(this.#link.base, this.#link.tradeNo);

  static override styles = [occupantLook, css`
    main { max-width: 32rem; margin: 0 auto; padding: 1rem 1rem 3rem; display: grid; gap: 1.25rem; }
    .top { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; }
    .brand { font-weight: 800; color: #0b4f9c; }
    h1 { font-size: 1.5rem; }
    .card { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.5rem; }
    .amount { font-size: 2rem; font-weight: 800; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .wide { width: 100%; }
  `];

  constructor() {
    super();
    this.speak = translator(pickLanguage(new URL(location.href).searchParams, navigator.languages).lang);
    this.view = null;
    this.phase = 'loading';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.view = await this.#api.view();
      this.phase = this.view.status === 'pending' ? 'ready' : this.view.status === 'paid' || this.view.status === 'refunded' ? 'paid' : 'refused';
    } catch (error) {
      this.phase = error instanceof SendError && error.failure.kind === 'http' && error.failure.status === 404 ? 'unknown' : 'failed';
    }
  }

  async #pay(): Promise<void> {
    if (this.phase !== 'ready') return;
    this.phase = 'paying';
    try {
      const result = await this.#api.pay();
      this.view = result.view;
      this.phase = result.view.status === 'paid' ? 'paid' : result.delivered ? 'refused' : 'failed';
    } catch {
      this.phase = 'failed';
    }
  }

  override render() {
    const t = this.speak.t;
    document.title = t('pay.title');
    return html`
      <main>
        <div class="top"><span class="brand">${t('pay.provider')}</span>
          <ds-lang-switch .lang=${this.speak.lang} .label=${t('track.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch></div>
        <h1>${t('pay.title')}</h1>
        <p class="hint">${t('pay.simulated')}</p>
        ${this.phase === 'loading' ? html`<p role="status">${t('pay.loading')}</p>` : nothing}
        ${this.phase === 'unknown' ? html`<p class="alert" role="alert" data-unknown>${t('pay.unknown')}</p>` : nothing}
        ${this.view ? this.#summary(this.view) : nothing}
        ${this.#action()}
      </main>`;
  }

  #summary(view: PayPageView) {
    const t = this.speak.t;
    return html`<section class="card" aria-labelledby="what">
      <h2 id="what" class="sr">${t('pay.summary')}</h2>
      <p class="amount" data-amount>${money(view.amount, view.currency, this.speak.lang)}</p>
      <dl><dt>${t('pay.payee')}</dt><dd>${view.site}</dd><dt>${t('pay.order')}</dt><dd data-order>${view.order}</dd><dt>${t('pay.reference')}</dt><dd>${view.tradeNo}</dd></dl>
    </section>`;
  }

  #action() {
    const t = this.speak.t;
    const back = this.#link.back ? html`<a class="button wide" href=${this.#link.back} data-back>${t('pay.back')}</a>` : nothing;
    switch (this.phase) {
      case 'ready':
      case 'paying':
        return html`<button class="primary wide" type="button" data-pay ?disabled=${this.phase === 'paying'} @click=${() => void this.#pay()}>
          ${t(this.phase === 'paying' ? 'pay.paying' : 'pay.pay', { amount: this.view ? money(this.view.amount, this.view.currency, this.speak.lang) : '' })}</button>`;
      case 'paid':
        return html`<p class="ok" role="status" data-paid>${t('pay.paid')}</p>${back}`;
      case 'refused':
        return html`<p class="alert" role="alert" data-refused>${t('pay.refused')}</p>${back}`;
      case 'failed':
        return html`<p class="alert" role="alert" data-failed>${t('pay.failed')}</p>`;
      default:
        return nothing;
    }
  }
}

customElements.define('ds-pay-page', DsPayPage);
