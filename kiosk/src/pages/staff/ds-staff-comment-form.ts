import { css, html, nothing } from 'lit';
import { StaffActionForm } from './staff-action-form.ts';

/** A note on the ticket, staff-only by default for those who may write such notes. Fires `ticket-action` (comment) or `close-form`. */
export class DsStaffCommentForm extends StaffActionForm {
  static override properties = { internalAllowed: { type: Boolean } };
  declare internalAllowed: boolean;

  static override styles = StaffActionForm.framed('#111', css`
    .check { display: flex; align-items: center; gap: 12px; min-height: 48px; font-weight: 600; }
    .check input { width: 24px; height: 24px; min-height: 0; margin: 0; flex: none; }
  `);

  constructor() {
    super();
    this.internalAllowed = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-form="comment" aria-labelledby="comment-title">
        <h3 id="comment-title">${t('staff.commentTitle')}</h3>
        <label>${t('staff.commentText')}<textarea name="text" rows="3" maxlength="2000" required></textarea></label>
        ${this.internalAllowed ? html`<label class="check"><input type="checkbox" name="internal" checked>${t('staff.commentInternal')}</label>` : nothing}
        ${this.footer(t('staff.confirmComment'))}
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = StaffActionForm.words(form, 'text');
    if (!text) return;
    // Without the right to staff-only notes the note must say it is shared, or the gateway refuses it.
    const internal = this.internalAllowed && (form.elements.namedItem('internal') as HTMLInputElement).checked;
    this.act('comment', { text, internal });
  }
}

customElements.define('ds-staff-comment-form', DsStaffCommentForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-comment-form': DsStaffCommentForm }
}
