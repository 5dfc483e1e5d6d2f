import type { ChecklistItem, Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { StaffApi } from './staff-api.ts';
import { staffBase } from './staff-styles.ts';

/** While the job is worked its checklist can be ticked; the gateway says the same and refuses otherwise. */
const worked = new Set(['assigned', 'in_progress', 'rejected', 'escalated']);

/**
 * A ticket's checklist, one checkbox per item: ticking one sends it to the gateway at once,
 * and the list shows what the gateway answered.
 */
export class DsStaffChecklist extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, items: { state: true }, busy: { state: true }, failed: { state: true } };
  declare ticket: Ticket | undefined;
  declare items: ChecklistItem[];
  declare busy: boolean;
  declare failed: boolean;
  readonly #api = new StaffApi(new URL('./', location.href));
  #seen = '';

  static override styles = [staffBase, css`
    section { display: grid; gap: 8px; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
    label { display: flex; gap: 12px; align-items: center; min-height: 44px; padding: 4px 10px; border: 2px solid #111; border-radius: 8px; }
    input { width: 24px; height: 24px; }
    .done { text-decoration: line-through; }
  `];

  constructor() {
    super();
    this.items = [];
    this.busy = false;
    this.failed = false;
  }

  override willUpdate(): void {
    // A newer ticket (from the live feed or an answer) replaces what is shown.
    const key = this.ticket ? `${this.ticket.id}@${this.ticket.updatedAt}` : '';
    if (key === this.#seen) return;
    this.#seen = key;
    this.items = this.ticket?.checklist ?? [];
  }

  override render() {
    const { ticket, speak } = this;
    if (!ticket || !speak || this.items.length === 0) return nothing;
    const { t } = speak;
    const open = worked.has(ticket.status);
    return html`
      <section aria-labelledby="checklist-title" data-checklist>
        <h3 id="checklist-title">${t('slaDash.checklist')}</h3>
        <p class="muted" data-checklist-count>${t('slaDash.checklistDone', { done: this.items.filter((i) => i.done).length, total: this.items.length })}</p>
        <ul>${this.items.map((item) => html`
          <li><label data-item=${item.id}>
            <input type="checkbox" .checked=${item.done} ?disabled=${this.busy || !open} @change=${(e: Event) => void this.#tick(item.id, (e.target as HTMLInputElement).checked)}>
            <span class=${item.done ? 'done' : ''}>${item.text}</span>
          </label></li>`)}</ul>
        ${this.failed ? html`<p role="alert">${t('slaDash.tickFailed')}</p>` : nothing}
      </section>`;
  }

  async #tick(item: string, done: boolean): Promise<void> {
    const ticket = this.ticket!;
    this.busy = true;
    try {
      const answered = await this.#api.tick(ticket.id, item, done);
      this.#seen = `${answered.id}@${answered.updatedAt}`;
      this.items = answered.checklist ?? [];
      this.failed = false;
    } catch {
      this.items = [...this.items];
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-staff-checklist', DsStaffChecklist);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-checklist': DsStaffChecklist }
}
