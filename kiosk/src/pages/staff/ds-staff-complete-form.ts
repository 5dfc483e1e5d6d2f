import { visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { emit } from '../../components/emit.ts';

/** The gateway takes up to three photos in one upload. */
export const MAX_PHOTOS = 3;

/** Finishing a job: a note and photos from the camera. Fires `ticket-action` (complete) or `close-form`. */
export class DsStaffCompleteForm extends LocalizedElement {
  static override properties = { ticket: {}, busy: { type: Boolean }, problem: { state: true } };
  declare ticket: string;
  declare busy: boolean;
  declare problem: string;

  static override styles = [staffBase, css`
    form { display: grid; gap: 14px; border: 2px solid #0b5d2a; border-radius: 12px; padding: 14px; }
    h3 { font-size: 1.1rem; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; }
    .row button { flex: 1 1 140px; }
  `];

  constructor() {
    super();
    this.ticket = '';
    this.busy = false;
    this.problem = '';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-form="complete" aria-labelledby="complete-title">
        <h3 id="complete-title">${t('staff.completeTitle')}</h3>
        <label>${t('staff.note')}<textarea name="note" rows="3" maxlength="2000"></textarea></label>
        <label>${t('staff.photos', { max: MAX_PHOTOS })}<input name="photos" type="file" accept="image/*" capture="environment" multiple></label>
        <ds-form-footer .error=${this.problem} ?busy=${this.busy} submitClass="go" .submitLabel=${t('staff.confirmComplete')}
          .busyLabel=${t('staff.working')} .cancelLabel=${t('staff.cancel')} @form-cancel=${() => emit(this, 'close-form')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const note = visibleTrim((form.elements.namedItem('note') as HTMLTextAreaElement).value);
    const photos = [...((form.elements.namedItem('photos') as HTMLInputElement).files ?? [])];
    if (photos.length > MAX_PHOTOS) {
      this.problem = this.speak?.t('staff.tooManyPhotos', { max: MAX_PHOTOS }) ?? '';
      return;
    }
    this.problem = '';
    emit(this, 'ticket-action', { ticket: this.ticket, action: 'complete', body: note ? { note } : {}, photos });
  }
}

customElements.define('ds-staff-complete-form', DsStaffCompleteForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-complete-form': DsStaffCompleteForm }
}
