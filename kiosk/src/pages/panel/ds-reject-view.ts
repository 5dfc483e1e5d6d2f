import { visibleTrim } from '@doorside/edge/occupant-contracts';
import type { ReviewCategory, ReviewTicket } from '@doorside/edge/review-contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { RejectInput } from './panel-api.ts';
import { emit } from '../../components/emit.ts';

/**
 * Rejecting a finished service: the category's reasons as large buttons, a free-text reason
 * when the category allows it, notes and a photo from the camera button. Fires `confirm-reject` (detail: RejectInput) or `back`.
 */
export class DsRejectView extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, category: { attribute: false }, busy: { type: Boolean }, error: {}, reason: { state: true }, other: { state: true },
    photoName: { state: true },
  };
  declare ticket: ReviewTicket | undefined;
  declare category: ReviewCategory | undefined;
  declare busy: boolean;
  declare error: string;
  declare reason: string;
  declare other: string;
  /** The name of the photo taken for this rejection, if any. */
  declare photoName: string;

  static override styles = css`
    :host { display: block; }
    form { display: grid; gap: 2.5vmin; }
    .side { display: grid; gap: 2vmin; align-content: start; }
    /* A landscape tablet shows the reasons beside the rest, so Confirm stays on screen without scrolling. */
    @media (orientation: landscape) {
      form { grid-template-columns: 1fr 1fr; column-gap: 4vmin; }
      h2 { grid-column: 1 / -1; }
    }
    h2 { margin: 0; font-size: 5vmin; }
    fieldset { border: 0; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(2, 1fr); gap: 2vmin; }
    legend { font-size: 3.6vmin; margin-bottom: 1.5vmin; }
    button { min-height: 10vmin; font: inherit; font-size: 4.2vmin; font-weight: 700; border-radius: 2vmin; border: 0.4vmin solid #111; background: #f2f2f2; color: #111; }
    button[aria-pressed='true'] { background: #111; color: #fff; }
    label { display: grid; gap: 1vmin; font-size: 3.6vmin; }
    input, textarea { font: inherit; font-size: 3.8vmin; padding: 1.5vmin; border: 0.3vmin solid #111; border-radius: 1vmin; }
    .camera { display: flex; align-items: center; justify-content: center; gap: 2vmin; background: #fff; }
    .camera svg { width: 6vmin; height: 6vmin; flex: none; }
    .photo { display: grid; gap: 1vmin; font-size: 3.6vmin; }
    .taken { font-weight: 700; overflow-wrap: anywhere; }
    .row { display: flex; gap: 3vmin; }
    .row button { flex: 1; }
    .confirm { background: #a10000; color: #fff; border-color: #a10000; }
    .error { margin: 0; font-size: 4vmin; font-weight: 700; color: #a10000; }
  `;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.reason = '';
    this.other = '';
    this.photoName = '';
  }

  override render() {
    const { ticket, category, speak } = this;
    if (!ticket || !speak) return nothing;
    const t = speak.t;
    return html`
      <form @submit=${this.#confirm}>
        <h2>${t('panel.rejectTitle', { title: this.speak!.phrase(ticket.titlePhrase, ticket.title) })}</h2>
        <div class="side">
          <fieldset>
            <legend>${t('panel.reasons')}</legend>
            ${(category?.rejectionReasons ?? []).map((r) => html`
              <button type="button" aria-pressed=${this.reason === r ? 'true' : 'false'} @click=${() => { this.reason = r; this.other = ''; }}>${this.speak!.name(r, category?.reasonNames?.[r])}</button>`)}
          </fieldset>
        </div>
        <div class="side">
          ${category?.allowFreeTextReason ? html`
            <label>${t('panel.otherReason')}
              <input name="other" maxlength="200" .value=${this.other} @input=${(e: Event) => { this.other = (e.target as HTMLInputElement).value; if (this.other) this.reason = ''; }}>
            </label>` : nothing}
          <label>${t('panel.notes')}<textarea name="notes" rows="2" maxlength="2000"></textarea></label>
          <div class="photo" role="group" aria-labelledby="photo-label">
            <span id="photo-label">${t('review.photoOptional')}</span>
            <button class="camera" type="button" @click=${this.#openCamera}><svg viewBox="0 0 24 24" aria-hidden="true"><g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
              <path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/></g></svg>${this.photoName ? t('review.retakePhoto') : t('review.takePhoto')}</button>
            ${this.photoName ? html`<span class="taken" role="status">${t('review.photoTaken', { name: this.photoName })}</span>` : nothing}
            <input name="photo" type="file" accept="image/*" capture="environment" hidden aria-label=${t('panel.photo')}
              @change=${(e: Event) => { this.photoName = (e.target as HTMLInputElement).files?.[0]?.name ?? ''; }}>
          </div>
          <ds-form-footer .error=${this.error} ?busy=${this.busy} submitClass="confirm" .submitLabel=${t('panel.confirm')}
            .busyLabel=${t('panel.working')} .cancelLabel=${t('panel.back')} @form-cancel=${() => emit(this, 'back')}></ds-form-footer>
        </div>
      </form>`;
  }

  /** The camera opens from a large button; the browser's own file control stays hidden. */
  #openCamera(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="photo"]')?.click();
  }

  #confirm(event: Event): void {
    event.preventDefault();
    const reason = visibleTrim(visibleTrim(this.other) || this.reason);
    if (!reason) {
      this.error = this.speak?.t('panel.chooseReason') ?? '';
      return;
    }
    const form = event.target as HTMLFormElement;
    const notes = visibleTrim((form.elements.namedItem('notes') as HTMLTextAreaElement).value);
    const photo = (form.elements.namedItem('photo') as HTMLInputElement).files?.[0];
    const detail: RejectInput = { reason, ...(notes ? { notes } : {}), ...(photo ? { photo } : {}) };
    emit(this, 'confirm-reject', detail);
  }
}

customElements.define('ds-reject-view', DsRejectView);

declare global {
  interface HTMLElementTagNameMap { 'ds-reject-view': DsRejectView }
}
