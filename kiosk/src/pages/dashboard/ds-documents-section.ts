import { css, html, nothing } from 'lit';
import type { DocumentKind, DocumentReader, Room } from '@doorside/edge/contracts';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { placeWords, wordsIn } from '../../components/document-words.ts';
import { languages, type Lang, type MessageKey } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { type Doc, DocumentsApi, type Verified } from './documents-api.ts';

const KINDS: DocumentKind[] = ['house_rules', 'fire_plan', 'contract', 'certificate', 'other'];
const READERS: DocumentReader[] = ['tenant', 'tenant_admin', 'staff', 'supervisor', 'floor_manager', 'reception', 'facility_head', 'admin'];
type PlaceKind = 'building' | 'floor' | 'room' | 'company';

/** The site's documents: upload one with its place and readers, open, withdraw, and check the stored files against the audit log. */
export class DsDocumentsSection extends LocalizedElement {
  static override properties = {
    rooms: { attribute: false }, docs: { state: true }, failed: { state: true }, notice: { state: true }, placeKind: { state: true }, verified: { state: true }, busy: { state: true },
  };
  declare rooms: readonly Room[];
  declare docs: Doc[] | undefined;
  declare failed: boolean;
  declare notice: string;
  declare placeKind: PlaceKind;
  declare verified: Verified | undefined;
  declare busy: boolean;
  static override styles = [dashBase, css`
    section + section { margin-top: 24px; }
    form { display: grid; gap: 12px; max-width: 44rem; }
    fieldset { border: 2px solid #c8c8c8; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 8px 16px; }
    fieldset label { display: flex; gap: 6px; align-items: center; font-weight: 400; min-height: 44px; }
    input[type=checkbox] { min-height: 0; width: 20px; height: 20px; }
    .gone { color: #555; text-decoration: line-through; }
  `];
  readonly #api = new DocumentsApi(new URL('./', location.href));

  constructor() {
    super();
    this.rooms = [];
    this.failed = false;
    this.notice = '';
    this.placeKind = 'building';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.docs = await this.#api.documents();
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  #refusal(error: unknown): string {
    const t = this.speak!.t;
    if (!(error instanceof ApiError)) return t('docDash.refused', { message: String(error) });
    if (error.code === 'BAD_FILE') return t('docDash.badFile');
    if (error.status === 403) return t('docDash.notAllowed');
    return t('docDash.refused', { message: error.message });
  }

  async #upload(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const readers = data.getAll('readers').map(String);
    if (readers.length === 0) { this.notice = this.speak!.t('docDash.noReaders'); return; }
    const place = this.placeKind === 'building' ? { kind: 'building' }
      : this.placeKind === 'floor' ? { kind: 'floor', floor: Number(data.get('floor')) }
        : this.placeKind === 'room' ? { kind: 'room', room: String(data.get('room')) } : { kind: 'company', company: String(data.get('company')) };
    const upload = new FormData();
    upload.append('meta', JSON.stringify({ kind: data.get('kind'), title: { [String(data.get('lang'))]: String(data.get('title')) }, place, readers }));
    upload.append('file', data.get('file') as File);
    this.busy = true;
    try {
      await this.#api.upload(upload);
      this.notice = this.speak!.t('docDash.uploaded');
      form.reset();
      this.placeKind = 'building';
    } catch (error) {
      this.notice = this.#refusal(error);
    } finally {
      this.busy = false;
    }
    await this.#load();
  }

  async #withdraw(id: string): Promise<void> {
    try {
      await this.#api.withdraw(id);
      this.notice = this.speak!.t('docDash.withdrawDone');
    } catch (error) {
      this.notice = this.#refusal(error);
    }
    await this.#load();
  }

  async #verify(): Promise<void> {
    try {
      this.verified = await this.#api.verify();
    } catch (error) {
      this.notice = this.#refusal(error);
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('docs.failed')}</p>`;
    if (!this.docs) return html`<p class="muted" role="status">${t('docs.loading')}</p>`;
    const now = new Date();
    return html`
      <p role="status" data-notice>${this.notice}</p>
      <section aria-labelledby="docs-list-title">
        <h3 id="docs-list-title">${t('docDash.section')}</h3>
        ${this.docs.length === 0 ? html`<p class="muted">${t('docDash.none')}</p>` : html`<div class="scroll"><table data-documents>
          <thead><tr><th scope="col">${t('docDash.titleCol')}</th><th scope="col">${t('docDash.kindCol')}</th><th scope="col">${t('docDash.placeCol')}</th>
            <th scope="col">${t('docDash.readersCol')}</th><th scope="col">${t('docDash.uploadedCol')}</th><th scope="col">${t('docDash.actionCol')}</th></tr></thead>
          <tbody>${this.docs.map((d) => html`<tr data-document=${d.id}>
            <td class=${d.status === 'withdrawn' ? 'gone' : ''}>${wordsIn(d.title, lang)}${d.status === 'withdrawn' ? html` · ${t('docDash.withdrawn')}` : nothing}</td>
            <td>${t(`docs.kind.${d.kind}` as MessageKey)}</td><td>${placeWords(d.place, this.speak!)}</td>
            <td>${d.readers.map((r) => t(`docDash.role.${r}` as MessageKey)).join(', ')}</td><td>${this.speak!.time(d.uploadedAt, now)}</td>
            <td class="row"><a class="button" data-open href=${this.#api.fileUrl(d.id)} target="_blank" rel="noopener">${t('docs.open')}<span class="sr-only">: ${wordsIn(d.title, lang)}</span></a>
              ${d.status === 'current' ? html`<button type="button" data-withdraw @click=${() => void this.#withdraw(d.id)}>${t('docDash.withdraw')}<span class="sr-only">: ${wordsIn(d.title, lang)}</span></button>` : nothing}</td>
          </tr>`)}</tbody></table></div>`}
        <p class="row"><button type="button" data-verify @click=${() => void this.#verify()}>${t('docDash.verify')}</button>
          ${this.verified ? html`<span data-verified class=${this.verified.ok ? '' : 'error'}>${this.verified.ok ? t('docDash.verifyOk', { count: this.verified.checked })
            : t('docDash.verifyBad', { ids: this.verified.failed.map((f) => f.id).join(', ') })}</span>` : nothing}</p>
      </section>
      <section aria-labelledby="docs-upload-title">
        <h3 id="docs-upload-title">${t('docDash.upload')}</h3>
        <form data-upload @submit=${(e: SubmitEvent) => void this.#upload(e)}>
          <label>${t('docDash.file')}<input name="file" type="file" accept="application/pdf,.pdf" required></label>
          <div class="row">
            <label>${t('docDash.titleLanguage')}<select name="lang">${languages.map((l: Lang) => html`<option value=${l} ?selected=${l === lang}>${l}</option>`)}</select></label>
            <label>${t('docDash.title')}<input name="title" required maxlength="160"></label>
            <label>${t('docDash.kind')}<select name="kind">${KINDS.map((k) => html`<option value=${k}>${t(`docs.kind.${k}`)}</option>`)}</select></label>
          </div>
          <div class="row">
            <label>${t('docDash.placeKind')}<select name="placeKind" @change=${(e: Event) => { this.placeKind = (e.target as HTMLSelectElement).value as PlaceKind; }}>
              <option value="building">${t('docs.place.building')}</option><option value="floor">${t('docDash.floor')}</option>
              <option value="room">${t('docDash.room')}</option><option value="company">${t('docDash.company')}</option></select></label>
            ${this.placeKind === 'floor' ? html`<label>${t('docDash.floor')}<input name="floor" type="number" step="1" required></label>` : nothing}
            ${this.placeKind === 'room' ? html`<label>${t('docDash.room')}<select name="room" required>${this.rooms.map((r) => html`<option value=${r.id}>${this.speak!.name(r.name, r.names)}</option>`)}</select></label>` : nothing}
            ${this.placeKind === 'company' ? html`<label>${t('docDash.company')}<input name="company" required maxlength="120"></label>` : nothing}
          </div>
          <fieldset><legend>${t('docDash.readers')}</legend>
            ${READERS.map((r) => html`<label><input type="checkbox" name="readers" value=${r} ?checked=${r === 'tenant' || r === 'tenant_admin'}>${t(`docDash.role.${r}`)}</label>`)}
          </fieldset>
          <p><button class="primary" type="submit" ?disabled=${this.busy}>${t('docDash.send')}</button></p>
        </form>
      </section>`;
  }
}

customElements.define('ds-documents-section', DsDocumentsSection);
