import { visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { emit } from '../../components/emit.ts';

/** A note on the ticket, staff-only by default for those who may write such notes. Fires `ticket-action` (comment) or `close-form`. */
export class DsStaffCommentForm extends LocalizedElement {
  static override properties = { ticket: {}, internalAllowed: { type: Boolean }, busy: { type: Boolean } };
  declare ticket: string;
  declare internalAllowed: boolean;
  declare busy: boolean;

  static override styles = [staffBase, css`
    form { display: grid; gap: 14px; border: 2px solid #111; border-radius: 12px; padding: 14px; }
    h3 { font-size: 1.1rem; }
    .check { display: flex; align-items: center; gap: 12px; min-height: 48px; font-weight: 600; }
    .check input { width: 24px; height: 24px; min-height: 0; margin: 0; flex: none; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; }
    .row button { flex: 1 1 140px; }
  `];

  constructor() {
    super();
    this.ticket = '';
    this.internalAllowed = false;
    this.busy = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-form="comment" aria-labelledby="comment-title">
        <h3 id="comment-title">${t('staff.commentTitle')}</h3>
        <label>${t('staff.commentText')}<textarea name="text" rows="3" maxlength="2000" required></textarea></label>
        ${this.internalAllowed ? html`<label class="check"><input type="checkbox" name="internal" checked>${t('staff.commentInternal')}</label>` : nothing}
        <ds-form-footer ?busy=${this.busy} .submitLabel=${t('staff.confirmComment')}
          .busyLabel=${t('staff.working')} .cancelLabel=${t('staff.cancel')} @form-cancel=${() => emit(this, 'close-form')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = visibleTrim((form.elements.namedItem('text') as HTMLTextAreaElement).value);
    if (!text) return;
    // Without the right to staff-only notes the note must say it is shared, or the gateway refuses it.
    const internal = this.internalAllowed && (form.elements.namedItem('internal') as HTMLInputElement).checked;
    emit(this, 'ticket-action', { ticket: this.ticket, action: 'comment', body: { text, internal } });
  }
}

customElements.define('ds-staff-comment-form', DsStaffCommentForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-comment-form': DsStaffCommentForm }
}
