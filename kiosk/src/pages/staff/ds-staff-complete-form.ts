import { html, nothing } from 'lit';
import { StaffActionForm } from './staff-action-form.ts';

/** The gateway takes up to three photos in one upload. */
export const MAX_PHOTOS = 3;

/** Finishing a job: a note and photos from the camera. Fires `ticket-action` (complete) or `close-form`. */
export class DsStaffCompleteForm extends StaffActionForm {
  static override styles = StaffActionForm.framed('#0b5d2a');

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-form="complete" aria-labelledby="complete-title">
        <h3 id="complete-title">${t('staff.completeTitle')}</h3>
        <label>${t('staff.note')}<textarea name="note" rows="3" maxlength="2000"></textarea></label>
        <label>${t('staff.photos', { max: MAX_PHOTOS })}<input name="photos" type="file" accept="image/*" capture="environment" multiple></label>
        ${this.footer(t('staff.confirmComplete'), 'go')}
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const note = StaffActionForm.words(form, 'note');
    const photos = [...((form.elements.namedItem('photos') as HTMLInputElement).files ?? [])];
    if (photos.length > MAX_PHOTOS) return this.missing('staff.tooManyPhotos', { max: MAX_PHOTOS });
    this.act('complete', note ? { note } : {}, photos);
  }
}

customElements.define('ds-staff-complete-form', DsStaffCompleteForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-complete-form': DsStaffCompleteForm }
}
