import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizedElement } from '../../components/localized-element.ts';
import './ds-staff-ticket-card.ts';
import type { StaffState } from './staff-store.ts';
import type { Entry } from './queue-lists.ts';
import { staffBase } from './staff-styles.ts';
import { namesOf } from './ticket-words.ts';

/** "My tickets" and, for those who take work from a pool, "Team pool": side by side on a tablet. Its cards fire the events. */
export class DsStaffQueueLists extends LocalizedElement {
  static override properties = { queue: { attribute: false }, now: { type: Number }, busy: { type: Boolean } };
  declare queue: StaffState['queue'];
  declare now: number;
  declare busy: boolean;

  static override styles = [staffBase, css`
    .lists { display: grid; gap: 22px; }
    section { display: grid; gap: 12px; align-content: start; }
    h2 { font-size: 1.2rem; }
    @media (min-width: 900px) { .lists { grid-template-columns: 1fr 1fr; } }
  `];

  constructor() {
    super();
    this.now = Date.now();
    this.busy = false;
  }

  override render() {
    const { queue, speak } = this;
    if (!queue || !speak) return nothing;
    const { t } = speak;
    return html`
      <div class="lists">
        ${this.#list('mine', t('staff.mine'), t('staff.mineEmpty'), queue.mine)}
        ${queue.me.claims ? this.#list('pool', t('staff.pool'), t('staff.poolEmpty'), queue.pool) : nothing}
      </div>`;
  }

  #list(id: 'mine' | 'pool', title: string, empty: string, entries: Entry[]) {
    return html`
      <section aria-labelledby="${id}-title" data-list=${id}>
        <h2 id="${id}-title">${title} (${entries.length})</h2>
        ${entries.length === 0 ? html`<p class="muted">${empty}</p>` : repeat(entries, (entry) => entry.ticket.id, (entry) => html`
          <ds-staff-ticket-card .entry=${entry} .names=${namesOf(this.queue)} .now=${this.now} ?busy=${this.busy}></ds-staff-ticket-card>`)}
      </section>`;
  }
}

customElements.define('ds-staff-queue-lists', DsStaffQueueLists);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-queue-lists': DsStaffQueueLists }
}
