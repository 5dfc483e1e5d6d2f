import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import './ds-staff-complete-form.ts';
import './ds-staff-rejection-note.ts';
import { dueState } from './due.ts';
import { slaMark, slaMarkStyles } from '../../components/sla-mark.ts';
import { type Entry, openRejection } from './queue-lists.ts';
import type { StaffAction } from './staff-api.ts';
import { staffBase } from './staff-styles.ts';
import { categoryWords, dueWords, type Names, priorityLook, roomWords } from './ticket-words.ts';
import { emit } from '../../components/emit.ts';
import { paint } from '../../components/paint.ts';

/** Actions done with one tap from the list; completing opens its note and photo form on the card; the rest live in the detail. */
const quick = ['claim', 'accept', 'start'] as const satisfies readonly StaffAction[];
type QuickAction = (typeof quick)[number];

/**
 * One ticket in a list: priority, room, the occupant's first lines, due time (overdue marked by
 * colour, icon and word), a returned job's rejection on top, and its actions: one tap each, and
 * completing with its form right on the card. Fires `ticket-action` and `open-ticket`.
 */
export class DsStaffTicketCard extends LocalizedElement {
  static override properties = {
    entry: { attribute: false }, names: { attribute: false }, now: { type: Number }, busy: { type: Boolean }, completing: { state: true },
  };
  declare entry: Entry | undefined;
  declare names: Names | undefined;
  declare now: number;
  declare busy: boolean;
  /** Whether the completion form is open on this card. */
  declare completing: boolean;

  static override styles = [staffBase, slaMarkStyles, css`
    article { border: 2px solid #111; border-radius: 12px; padding: 12px; display: grid; gap: 8px; background: #fff; }
    article.overdue { border-color: #8a000c; border-left-width: 10px; }
    .top { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; font-size: 0.95rem; }
    .badge { padding: 2px 10px; border-radius: 999px; font-weight: 800; border: 2px solid #111; }
    .status { font-weight: 700; }
    h3 { font-size: 1.15rem; line-height: 1.25; overflow-wrap: anywhere; }
    .description { line-height: 1.35; white-space: pre-line; overflow-wrap: anywhere; overflow: hidden;
      display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; }
    .due { font-weight: 700; }
    .due.overdue { display: inline-flex; gap: 6px; align-items: center; background: #8a000c; color: #fff; padding: 4px 10px; border-radius: 8px; justify-self: start; }
    .due svg { width: 18px; height: 18px; flex: none; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .actions button { flex: 1 1 120px; }
  `];

  constructor() {
    super();
    this.now = Date.now();
    this.busy = false;
    this.completing = false;
  }

  override render() {
    const { entry, names, speak } = this;
    if (!entry || !names || !speak) return nothing;
    const { t } = speak;
    const { ticket } = entry;
    const due = dueState(ticket, this.now);
    const look = priorityLook[ticket.priority];
    const rejection = openRejection(ticket);
    const titleId = `title-${ticket.id}`;
    const completable = entry.actions.includes('complete');
    return html`
      <article class=${due.kind === 'overdue' ? 'overdue' : ''} data-ticket=${ticket.id} data-priority=${ticket.priority} ?data-overdue=${due.kind === 'overdue'}>
        ${rejection ? html`<ds-staff-rejection-note .category=${entry.ticket.category} compact .rejection=${rejection} .names=${names} .now=${this.now}></ds-staff-rejection-note>` : nothing}
        <div class="top">
          <span class="badge" ${paint({ background: look.background, color: look.foreground })}><span aria-hidden="true">${look.mark}</span> ${t(`staff.priority.${ticket.priority}`)}</span>
          <span class="status">${t(`staff.ticketStatus.${ticket.status}`)}</span>
          <span class="muted">${ticket.id}</span>
        </div>
        <h3 id=${titleId}>${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</h3>
        <p>${roomWords(ticket, names, speak)} · ${categoryWords(ticket, names, this.speak!)}</p>
        ${ticket.description ? html`<p class="description" data-description>${this.speak!.phrase(ticket.descriptionPhrase, ticket.description)}</p>` : nothing}
        ${due.kind === 'none' ? nothing : html`
          <p class="due ${due.kind}" data-due=${due.kind}>
            ${due.kind === 'overdue' ? html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2L23 21H1z" fill="#fff"/><path d="M12 9v5" stroke="#8a000c" stroke-width="2.6" stroke-linecap="round"/><circle cx="12" cy="17.5" r="1.5" fill="#8a000c"/></svg>` : nothing}
            ${dueWords(ticket, due, new Date(this.now), speak)}
          </p>`}
        ${slaMark(speak, ticket.sla, new Date(this.now))}
        <div class="actions">
          ${entry.actions.filter((a): a is QuickAction => (quick as readonly string[]).includes(a)).map((action) => html`
            <button class="go" data-action=${action} aria-describedby=${titleId} ?disabled=${this.busy}
              @click=${() => this.#fire('ticket-action', { ticket: ticket.id, action })}>${t(`staff.action.${action}`)}</button>`)}
          ${completable ? html`<button class="go" data-action="complete" aria-describedby=${titleId} aria-expanded=${String(this.completing)}
            @click=${() => { this.completing = !this.completing; }}>${t('staff.action.complete')}</button>` : nothing}
          <button data-action="open" aria-describedby=${titleId} @click=${() => this.#fire('open-ticket', { ticket: ticket.id })}>${t('staff.open')}</button>
        </div>
        ${completable && this.completing ? html`<ds-staff-complete-form .ticket=${ticket.id} ?busy=${this.busy}
          @close-form=${(e: Event) => { e.stopPropagation(); this.completing = false; }}></ds-staff-complete-form>` : nothing}
        ${entry.stale && entry.actions.length === 0 ? html`<p class="muted">${t('staff.updating')}</p>` : nothing}
      </article>`;
  }

  #fire(name: string, detail: object): void {
    emit(this, name, detail);
  }
}

customElements.define('ds-staff-ticket-card', DsStaffTicketCard);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-ticket-card': DsStaffTicketCard }
}
