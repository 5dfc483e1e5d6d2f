import { html, nothing } from 'lit';
import { DocumentList, type PortalMe, type SiteDocument } from '@doorside/edge/contracts';
import { sendToGateway } from '../../api/gateway-client.ts';
import { placeWords, wordsIn } from '../../components/document-words.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { portalSectionLook } from './portal-section-look.ts';

/** The documents meant for the signed-in tenant (house rules, fire plans, their company's contracts), each opened as its PDF. */
export class DsPortalDocuments extends LocalizedElement {
  static override properties = { me: { attribute: false }, docs: { state: true }, failed: { state: true } };
  declare me: PortalMe | null;
  declare docs: SiteDocument[] | undefined;
  declare failed: boolean;
  static override styles = portalSectionLook;
  readonly #base = new URL('./', location.href);

  constructor() {
    super();
    this.me = null;
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.docs = DocumentList.parse(await sendToGateway(this.#base, 'GET', '/api/documents')).documents;
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const speak = this.speak;
    const { t, lang } = speak;
    const size = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    return html`<section class="card" aria-labelledby="docs-title" data-portal-documents>
      <h2 id="docs-title">${t('tenantDocs.title')}</h2>
      ${this.failed ? html`<p class="problem" role="alert">${t('docs.failed')}</p>`
        : !this.docs ? html`<p class="muted" role="status">${t('docs.loading')}</p>`
          : this.docs.length === 0 ? html`<p class="muted">${t('tenantDocs.none')}</p>` : html`<ul class="plain">
        ${this.docs.map((d) => html`<li data-document=${d.id}>
          <h3>${wordsIn(d.title, lang)}</h3>
          <p class="muted">${t(`docs.kind.${d.kind}` as MessageKey)} · ${placeWords(d.place, speak)} · ${t('docs.size', { size: size.format(Math.max(1, d.file.size / 1024)) })}</p>
          <p><a class="open" data-open href=${new URL(`./api/documents/${encodeURIComponent(d.id)}/file`, this.#base).href} target="_blank" rel="noopener">${t('docs.open')}<span class="sr">: ${wordsIn(d.title, lang)}</span></a></p>
        </li>`)}</ul>`}
    </section>`;
  }
}

customElements.define('ds-portal-documents', DsPortalDocuments);
