import { css, html, nothing } from 'lit';
import { StaffActionForm } from './staff-action-form.ts';

const TEAM = '';

/**
 * Passing a job on: to a colleague of its team, or back to the team's pool. Fires
 * `ticket-action` (transfer with `to`, or release) or `close-form`.
 */
export class DsStaffTransferForm extends StaffActionForm {
  static override properties = { people: { attribute: false }, toTeam: { type: Boolean } };
  /** Colleagues who may take it: username and name. */
  declare people: { id: string; name: string }[];
  /** Whether handing it back to the team is allowed. */
  declare toTeam: boolean;

  static override styles = StaffActionForm.framed('#0b4f9c', css`
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 8px; }
    legend { font-weight: 700; margin-bottom: 6px; }
    .choice { display: flex; align-items: center; gap: 12px; min-height: 48px; padding: 6px 12px; border: 2px solid #111; border-radius: 10px; font-weight: 600; }
    .choice input { width: 24px; height: 24px; min-height: 0; margin: 0; flex: none; }
  `);

  constructor() {
    super();
    this.people = [];
    this.toTeam = false;
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
        ${this.footer(t('staff.confirmTransfer'))}
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const chosen = form.querySelector<HTMLInputElement>('input[name="to"]:checked');
    if (!chosen) return this.missing('staff.chooseTarget');
    const note = StaffActionForm.words(form, 'note');
    const withNote = note ? { note } : {};
    if (chosen.value === TEAM) this.act('release', withNote);
    else this.act('transfer', { to: chosen.value, ...withNote });
  }
}

customElements.define('ds-staff-transfer-form', DsStaffTransferForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-transfer-form': DsStaffTransferForm }
}
