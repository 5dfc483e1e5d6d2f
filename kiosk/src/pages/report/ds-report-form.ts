import { visibleTrim } from '@doorside/edge/occupant-contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { type PreparedPhoto, releasePhoto } from '../../photos/resize-photo.ts';
import './ds-category-picker.ts';
import type { CategoryChoice } from './ds-category-picker.ts';
import './ds-photo-picker.ts';
import { occupantLook } from './occupant-look.ts';
import type { ReportDraft } from './report-api.ts';
import { emit } from '../../components/emit.ts';

export const MAX_REPORT_PHOTOS = 3;

/**
 * The report form. It keeps what the occupant typed and chose for as long as it is on the
 * page, so a failed send loses nothing; `send-report` (detail: ReportDraft) asks the owner
 * to send it. While `sending` is a number (0–100) the form is locked and shows progress.
 */
export class DsReportForm extends LocalizedElement {
  static override properties = {
    categories: { attribute: false }, sending: { attribute: false }, failure: {}, contactError: { type: Boolean },
    category: { state: true }, description: { state: true }, contact: { state: true }, photos: { state: true }, missing: { state: true },
  };
  declare categories: CategoryChoice[];
  declare sending: number | null;
  declare failure: string;
  declare contactError: boolean;
  declare category: string;
  declare description: string;
  declare contact: string;
  declare photos: PreparedPhoto[];
  declare missing: { category: boolean; description: boolean };

  static override styles = [occupantLook, css`
    form { display: grid; gap: 1.25rem; }
    textarea { min-height: 7.5rem; resize: vertical; }
    .send { width: 100%; font-size: 1.1rem; min-height: 56px; }
    progress { width: 100%; height: 0.6rem; accent-color: #0b4f9c; }
  `];

  constructor() {
    super();
    this.categories = [];
    this.sending = null;
    this.failure = '';
    this.contactError = false;
    this.category = '';
    this.description = '';
    this.contact = '';
    this.photos = [];
    this.missing = { category: false, description: false };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.photos.forEach(releasePhoto);
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const t = speak.t;
    const busy = this.sending !== null;
    return html`
      <form novalidate @submit=${this.#submit}>
        <ds-category-picker .categories=${this.categories} .value=${this.category} ?disabled=${busy}
          .error=${this.missing.category ? t('report.chooseCategory') : ''}
          @category-change=${(e: CustomEvent<string>) => { this.category = e.detail; this.missing = { ...this.missing, category: false }; }}></ds-category-picker>
        <label class="field">${t('report.describe')}
          <span class="hint">${t('report.describeHint')}</span>
          <textarea name="description" maxlength="2000" rows="4" .value=${this.description} ?disabled=${busy}
            aria-invalid=${this.missing.description ? 'true' : 'false'}
            @input=${(e: Event) => { this.description = (e.target as HTMLTextAreaElement).value; this.missing = { ...this.missing, description: false }; }}></textarea>
          ${this.missing.description ? html`<span class="error" role="alert">${t('report.describeFirst')}</span>` : nothing}
        </label>
        <ds-photo-picker .photos=${this.photos} .max=${MAX_REPORT_PHOTOS} .label=${t('report.photos', { max: MAX_REPORT_PHOTOS })} ?disabled=${busy}
          @photos-add=${(e: CustomEvent<PreparedPhoto[]>) => { this.photos = [...this.photos, ...e.detail].slice(0, MAX_REPORT_PHOTOS); }}
          @photo-remove=${this.#remove}></ds-photo-picker>
        <label class="field">${t('report.contact')}
          <input name="contact" type="text" inputmode="email" autocomplete="email" maxlength="200" .value=${this.contact} ?disabled=${busy}
            aria-invalid=${this.contactError ? 'true' : 'false'} @input=${(e: Event) => { this.contact = (e.target as HTMLInputElement).value; }}>
          ${this.contactError ? html`<span class="error" role="alert">${t('report.contactInvalid')}</span>` : nothing}
        </label>
        ${this.failure ? html`<p class="alert" role="alert" data-failure>${this.failure}</p>` : nothing}
        <div>
          <button class="primary send" type="submit" ?disabled=${busy} data-send>
            ${busy ? t('report.sending', { percent: this.sending ?? 0 }) : t('report.send')}
          </button>
          ${busy ? html`<progress max="100" value=${this.sending ?? 0} aria-hidden="true"></progress>` : nothing}
        </div>
      </form>`;
  }

  #remove(event: CustomEvent<number>): void {
    const gone = this.photos[event.detail];
    if (gone) releasePhoto(gone);
    this.photos = this.photos.filter((_, i) => i !== event.detail);
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (this.sending !== null) return;
    this.missing = { category: this.category === '', description: visibleTrim(this.description) === '' };
    if (this.missing.category || this.missing.description) return;
    const draft: ReportDraft = { category: this.category, description: this.description, contact: this.contact, photos: this.photos };
    emit(this, 'send-report', draft);
  }
}

customElements.define('ds-report-form', DsReportForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-report-form': DsReportForm }
}
