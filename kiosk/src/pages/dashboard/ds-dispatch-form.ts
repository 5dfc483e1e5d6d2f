import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing, type PropertyValues } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { AssigneeList, AssignBody } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';
import { emit } from '../../components/emit.ts';

/** Gives a ticket to a person or a team's queue; fires `dispatch` (detail: `{ticket, body}`). */
export class DsDispatchForm extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, assignees: { attribute: false }, busy: { type: Boolean }, error: {}, notice: {}, team: { state: true },
  };
  declare ticket: Ticket | undefined;
  declare assignees: AssigneeList | undefined;
  declare busy: boolean;
  declare error: string;
  declare notice: string;
  /** The team chosen in the form; the ticket's own until changed. */
  declare team: string;

  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; padding: 12px; border: 2px solid #0b3d91; border-radius: 10px; background: #f5f8fd; }
    .row > label { flex: 1 1 160px; }
    select, input { width: 100%; }
  `];

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.notice = '';
    this.team = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('ticket');
    if (changed.has('ticket') && this.ticket && before?.id !== this.ticket.id) this.team = this.ticket.team;
  }

  override render() {
    if (!this.speak || !this.ticket) return nothing;
    const { t } = this.speak;
    const people = (this.assignees?.people ?? []).filter((p) => p.teams.includes(this.team));
    return html`
      <form @submit=${this.#submit} aria-labelledby="dispatch-title" data-dispatch>
        <h3 id="dispatch-title">${t('dash.dispatchTitle')}</h3>
        <div class="row">
          <label>${t('dash.dispatchTeam')}
            <select name="team" @change=${(e: Event) => { this.team = (e.target as HTMLSelectElement).value; }}>
              ${(this.assignees?.teams ?? []).map((team) => html`<option value=${team.id} ?selected=${team.id === this.team}>${this.speak!.name(team.name, team.names)}</option>`)}
            </select>
          </label>
          <label>${t('dash.dispatchPerson')}
            <select name="assignee">
              <option value="">${t('dash.teamQueue')}</option>
              ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this.ticket!.assignee}>${p.name} (${p.id})</option>`)}
            </select>
          </label>
        </div>
        <label>${t('dash.dispatchNote')}<input name="note" maxlength="2000"></label>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
        <ds-form-footer .error=${this.error} ?busy=${this.busy} .submitLabel=${t('dash.dispatch')} .busyLabel=${t('dash.working')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const assignee = value('assignee');
    const note = value('note');
    // Without a person the ticket goes to the chosen team's queue; with one, the team is named only if it changes.
    const withNote = note ? { note } : {};
    const body: AssignBody = assignee
      ? { assignee, ...(this.team !== this.ticket!.team ? { team: this.team } : {}), ...withNote }
      : { team: this.team, ...withNote };
    emit(this, 'dispatch', { ticket: this.ticket!.id, body });
  }
}

customElements.define('ds-dispatch-form', DsDispatchForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-dispatch-form': DsDispatchForm }
}
