import type { VendorWorkOrderView } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import { isLang, type Lang, type MessageKey } from '../../i18n/index.ts';
import { firstKnown, pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { preparePhoto, releasePhoto } from '../../photos/resize-photo.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { SendError } from '../report/send-form.ts';
import './ds-vendor-actions.ts';
import type { VendorActEvent } from './ds-vendor-actions.ts';
import './ds-vendor-order.ts';
import { VendorApi } from './vendor-api.ts';
import { explainRefusal } from './vendor-words.ts';

type Loading = 'loading' | 'unknown' | 'failed' | 'ready';

/**
 * The vendor's page for one work order, opened from the link in their mail (the gateway
 * swapped the link's token for a cookie). It speaks the contact's language unless the
 * reader picks another, and acts only through the POSTs the gateway lists as allowed now.
 */
export class DsVendorPage extends LocalizingPage {
  static override properties = {
    view: { state: true }, loading: { state: true }, busy: { state: true }, failure: { state: true }, saved: { state: true }, sent: { state: true }, now: { state: true },
  };
  declare view: VendorWorkOrderView | undefined;
  declare loading: Loading;
  declare busy: number | null;
  declare failure: string;
  declare saved: MessageKey | '';
  declare sent: number;
  declare now: Date;

  #api = new VendorApi(new URL(location.href));
  /** A language the reader chose (`?lang=`) wins over the contact's. */
  #chosen = firstKnown([new URL(location.href).searchParams.get('lang') ?? '']);
  #stop: (() => void)[] = [];

  static override styles = [occupantLook, css`
    main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 3rem; display: grid; gap: 1.25rem; }
    .top { display: flex; justify-content: flex-end; }
    header { display: grid; gap: 0.3rem; }
    h1 { font-size: 1.6rem; }
    .state { font-weight: 700; font-size: 1.1rem; }
  `];

  constructor() {
    super();
    this.speak = translator(pickLanguage(new URL(location.href).searchParams, navigator.languages).lang);
    this.view = undefined;
    this.loading = 'loading';
    this.busy = null;
    this.failure = '';
    this.saved = '';
    this.sent = 0;
    this.now = new Date();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    void this.#load();
    const tick = setInterval(() => { this.now = new Date(); }, 60_000);
    // The team may have commented or withdrawn while the phone was in a pocket.
    const back = () => { if (document.visibilityState === 'visible' && this.busy === null) void this.#load(); };
    document.addEventListener('visibilitychange', back);
    this.#stop.push(() => clearInterval(tick), () => document.removeEventListener('visibilitychange', back));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stop.splice(0)) stop();
  }

  async #load(): Promise<void> {
    try {
      this.#show(await this.#api.view());
    } catch (error) {
      if (this.view) return;
      this.loading = error instanceof SendError && error.failure.kind === 'http' && error.failure.status === 404 ? 'unknown' : 'failed';
    }
  }

  #show(view: VendorWorkOrderView): void {
    if (!this.view && !this.#chosen && isLang(view.contact.language) && view.contact.language !== this.speak.lang) {
      this.speak = translator(view.contact.language);
      document.documentElement.lang = view.contact.language;
    }
    this.view = view;
    this.loading = 'ready';
    this.now = new Date();
  }

  override render() {
    const t = this.speak.t;
    const view = this.view;
    document.title = view ? `${t('vendor.heading', { id: view.workOrder.id })} · ${view.workOrder.title}` : t('vendor.title');
    return html`
      <main>
        <div class="top"><ds-lang-switch .lang=${this.speak.lang} .label=${t('vendor.language')} @lang-change=${this.#switch}></ds-lang-switch></div>
        ${this.loading === 'loading' ? html`<p role="status">${t('vendor.loading')}</p>` : nothing}
        ${this.loading === 'unknown' ? html`<p class="alert" role="alert" data-unknown>${t('vendor.unknown')}</p>` : nothing}
        ${this.loading === 'failed' ? html`<p class="alert" role="alert">${t('vendor.loadFailed')}</p>
          <button type="button" @click=${() => { this.loading = 'loading'; void this.#load(); }}>${t('vendor.retry')}</button>` : nothing}
        ${view ? this.#order(view) : nothing}
      </main>`;
  }

  #order(view: VendorWorkOrderView) {
    const t = this.speak.t;
    return html`
      <header>
        <h1>${t('vendor.heading', { id: view.workOrder.id })}</h1>
        <p>${t('vendor.for', { vendor: view.vendor.name, contact: view.contact.name })}</p>
        <p class="state" data-status=${view.workOrder.status}>${t('vendor.state')}: ${t(`vendor.status.${view.workOrder.status}` as MessageKey)}</p>
      </header>
      ${this.saved ? html`<p class="ok" role="status" data-saved>${t(this.saved)}</p>` : nothing}
      ${view.readOnly ? html`<p class="hint" data-read-only>${t('vendor.readOnly')}</p>` : nothing}
      ${view.queued ? html`<p class="hint" data-queued>${t('vendor.pendingSteps')}</p>` : nothing}
      <ds-vendor-actions .actions=${view.actions} .busy=${this.busy} .failure=${this.failure} .sent=${this.sent} @vendor-act=${this.#act}></ds-vendor-actions>
      <ds-vendor-order .view=${view} .now=${this.now} .fileUrl=${(id: string) => this.#api.file(id)}></ds-vendor-order>`;
  }

  #switch(event: CustomEvent<{ lang: Lang }>): void {
    this.#chosen = event.detail.lang;
    this.switchLanguage(event.detail.lang);
  }

  async #act(event: CustomEvent<VendorActEvent>): Promise<void> {
    if (this.busy !== null) return;
    const { action, input } = event.detail;
    this.busy = 0;
    this.failure = '';
    this.saved = '';
    try {
      const files = await Promise.all((input.files ?? []).map(shrink));
      const { view, queued } = await this.#api.act(action, { ...input, files }, (f) => { this.busy = Math.min(99, Math.round(f * 100)); });
      this.#show(view);
      this.saved = queued ? 'vendor.queued' : `vendor.saved.${action}` as MessageKey;
      this.sent += 1;
    } catch (error) {
      this.failure = explainRefusal(this.speak, error);
      // A refusal because the order moved on: show it as it is now.
      if (error instanceof SendError && error.failure.kind === 'http' && error.failure.status === 409) void this.#load();
    } finally {
      this.busy = null;
    }
  }
}

/** Photos leave the phone shrunk and without their EXIF; a PDF, or an image this browser cannot read, goes as it is and the gateway judges its bytes. */
async function shrink(file: Blob): Promise<Blob> {
  if (!file.type.startsWith('image/')) return file;
  try {
    const photo = await preparePhoto(file);
    releasePhoto(photo);
    return photo.blob;
  } catch {
    return file;
  }
}

customElements.define('ds-vendor-page', DsVendorPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-vendor-page': DsVendorPage }
}
