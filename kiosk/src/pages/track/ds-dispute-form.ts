import type { Names } from '@doorside/edge/occupant-contracts';
import { visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { type PreparedPhoto, releasePhoto } from '../../photos/resize-photo.ts';
import '../report/ds-photo-picker.ts';
import { occupantLook } from '../report/occupant-look.ts';
import type { DisputeInput } from './track-api.ts';
import { emit } from '../../components/emit.ts';

/**
 * "Not resolved": the category's reasons as buttons, another reason where the category takes
 * one, details and a photo. Keeps its input through a failed send; fires `send-dispute`
 * (detail: DisputeInput) or `cancel`.
 */
export class DsDisputeForm extends LocalizedElement {
  static override properties = {
    reasons: { attribute: false }, reasonNames: { attribute: false }, freeText: { type: Boolean }, sending: { attribute: false }, failure: {},
    reason: { state: true }, other: { state: true }, notes: { state: true }, photos: { state: true }, missing: { state: true },
  };
  declare reasons: string[];
  /** The reasons in other languages, by reason. */
  declare reasonNames: Record<string, Names> | undefined;
  declare freeText: boolean;
  declare sending: number | null;
  declare failure: string;
  declare reason: string;
  declare other: string;
  declare notes: string;
  declare photos: PreparedPhoto[];
  declare missing: boolean;

  static override styles = [occupantLook, css`
    form { display: grid; gap: 1rem; }
    h2 { font-size: 1.2rem; }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.4rem; }
    .reasons { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.5rem; }
    .reasons button { font-weight: 600; text-align: left; justify-content: flex-start; }
    .reasons button[aria-pressed='true'] { background: #111; color: #fff; }
    .row { display: flex; flex-wrap: wrap; gap: 0.6rem; }
    .row button { flex: 1 1 9rem; }
  `];

  constructor() {
    super();
    this.reasons = [];
    this.freeText = false;
    this.sending = null;
    this.failure = '';
    this.reason = '';
    this.other = '';
    this.notes = '';
    this.photos = [];
    this.missing = false;
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
      <form novalidate @submit=${this.#submit} data-dispute-form>
        <h2>${t('track.disputeTitle')}</h2>
        ${this.reasons.length ? html`
          <fieldset ?disabled=${busy}>
            <legend>${t('track.disputeReasons')}</legend>
            <div class="reasons">${this.reasons.map((r) => html`
              <button type="button" aria-pressed=${this.reason === r ? 'true' : 'false'} @click=${() => { this.reason = r; this.other = ''; this.missing = false; }}>${speak.name(r, this.reasonNames?.[r])}</button>`)}
            </div>
          </fieldset>` : nothing}
        ${this.freeText ? html`
          <label class="field">${t('track.disputeOther')}
            <input name="other" type="text" maxlength="200" .value=${this.other} ?disabled=${busy}
              @input=${(e: Event) => { this.other = (e.target as HTMLInputElement).value; if (this.other) this.reason = ''; this.missing = false; }}>
          </label>` : nothing}
        ${this.missing ? html`<p class="error" role="alert">${t('track.disputeChoose')}</p>` : nothing}
        <label class="field">${t('track.disputeNotes')}
          <textarea name="notes" rows="3" maxlength="2000" .value=${this.notes} ?disabled=${busy}
            @input=${(e: Event) => { this.notes = (e.target as HTMLTextAreaElement).value; }}></textarea>
        </label>
        <ds-photo-picker .photos=${this.photos} .max=${1} .label=${t('track.disputePhoto')} ?disabled=${busy}
          @photos-add=${(e: CustomEvent<PreparedPhoto[]>) => { this.photos = e.detail.slice(0, 1); }}
          @photo-remove=${() => { this.photos.forEach(releasePhoto); this.photos = []; }}></ds-photo-picker>
        <ds-form-footer .error=${this.failure} errorClass="alert" ?busy=${busy} .cancelWhileBusy=${false} submitClass="danger"
          .submitLabel=${t('track.disputeSend')} .busyLabel=${t('track.sending', { percent: this.sending ?? 0 })}
          .cancelLabel=${t('track.cancel')} @form-cancel=${() => emit(this, 'cancel')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (this.sending !== null) return;
    const reason = visibleTrim(visibleTrim(this.other) || this.reason);
    this.missing = reason === '';
    if (this.missing) return;
    const detail: DisputeInput = { reason, notes: this.notes, photos: this.photos };
    emit(this, 'send-dispute', detail);
  }
}

customElements.define('ds-dispute-form', DsDisputeForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-dispute-form': DsDisputeForm }
}
