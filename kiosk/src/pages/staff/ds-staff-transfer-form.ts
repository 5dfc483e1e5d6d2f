import { visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { emit } from '../../components/emit.ts';

const TEAM = '';

/**
 * Passing a job on: to a colleague of its team, or back to the team's pool. Fires
 * `ticket-action` (transfer with `to`, or release) or `close-form`.
 */
export class DsStaffTransferForm extends LocalizedElement {
  static override properties = {
    ticket: {}, people: { attribute: false }, toTeam: { type: Boolean }, busy: { type: Boolean }, problem: { state: true },
  };
  declare ticket: string;
  /** Colleagues who may take it: username and name. */
  declare people: { id: string; name: string }[];
  /** Whether handing it back to the team is allowed. */
  declare toTeam: boolean;
  declare busy: boolean;
  declare problem: string;

  static override styles = [staffBase, css`
    form { display: grid; gap: 14px; border: 2px solid #0b4f9c; border-radius: 12px; padding: 14px; }
    h3 { font-size: 1.1rem; }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 8px; }
    legend { font-weight: 700; margin-bottom: 6px; }
    .choice { display: flex; align-items: center; gap: 12px; min-height: 48px; padding: 6px 12px; border: 2px solid #111; border-radius: 10px; font-weight: 600; }
    .choice input { width: 24px; height: 24px; min-height: 0; margin: 0; flex: none; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; }
    .row button { flex: 1 1 140px; }
  `];

  constructor() {
    super();
    this.ticket = '';
    this.people = [];
    this.toTeam = false;
    this.busy = false;
    this.problem = '';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form @submit=${this.#submit} data-form="transfer" aria-labelledby="transfer-title">
        <h3 id="transfer-title">${t('staff.transferTitle')}</h3>
        <fieldset>
          <legend>${t('staff.transferTo')}</legend>
          ${this.people.map((p) => html`<label class="choice"><input type="radio" name="to" value=${p.id}>${p.name}</label>`)}
          ${this.toTeam ? html`<label class="choice"><input type="radio" name="to" value=${TEAM} data-to-team>${t('staff.toTeam')}</label>` : nothing}
        </fieldset>
        <label>${t('staff.note')}<textarea name="note" rows="2" maxlength="2000"></textarea></label>
        <ds-form-footer .error=${this.problem} ?busy=${this.busy} .submitLabel=${t('staff.confirmTransfer')}
          .busyLabel=${t('staff.working')} .cancelLabel=${t('staff.cancel')} @form-cancel=${() => emit(this, 'close-form')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const chosen = form.querySelector<HTMLInputElement>('input[name="to"]:checked');
    if (!chosen) {
      this.problem = this.speak?.t('staff.chooseTarget') ?? '';
      return;
    }
    this.problem = '';
    const note = visibleTrim((form.elements.namedItem('note') as HTMLTextAreaElement).value);
    const withNote = note ? { note } : {};
    const detail = chosen.value === TEAM
      ? { ticket: this.ticket, action: 'release', body: withNote }
      : { ticket: this.ticket, action: 'transfer', body: { to: chosen.value, ...withNote } };
    emit(this, 'ticket-action', detail);
  }
}

customElements.define('ds-staff-transfer-form', DsStaffTransferForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-transfer-form': DsStaffTransferForm }
}
