import { isOverdue, type Ticket, type WorkOrder } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { AssigneeList } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';
import { type ReasonNames, reasonWords } from './reason-words.ts';
import './ds-dispatch-form.ts';
import './ds-dispatch-suggestions.ts';
import { emit } from '../../components/emit.ts';
import { categoryWord, reporterWord } from './site-words.ts';
import { type People, personLabel, personName } from '../../components/person-name.ts';
import { mailFlag, mailFlagStyles } from '../../components/mail-flag.ts';
import { slaFacts } from './sla-facts.ts';

const actionWords: Record<string, MessageKey> = {
  open: 'dash.action.open', assign: 'dash.action.assign', claim: 'dash.action.claim', accept: 'dash.action.accept',
  transfer: 'dash.action.transfer', release: 'dash.action.release', start: 'dash.action.start', complete: 'dash.action.complete',
  approve: 'dash.action.approve', reject: 'dash.action.reject', escalate: 'dash.action.escalate', cancel: 'dash.action.cancel',
  // A vendor's steps on the ticket's work order, which leave the ticket's status as it was.
  'work-started': 'dash.action.workStarted', 'work-done': 'dash.action.workDone',
};

/** One ticket in full: facts, dispatch, history, notes and rejections. Fires `close-detail`. */
export class DsTicketDetail extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, assignees: { attribute: false }, now: { attribute: false },
    busy: { type: Boolean }, error: {}, notice: {}, people: { attribute: false }, reasonNames: { attribute: false }, workOrders: { attribute: false },
  };
  declare ticket: Ticket | undefined;
  declare assignees: AssigneeList | undefined;
  declare now: Date;
  declare busy: boolean;
  declare error: string;
  declare notice: string;
  declare people: People;
  declare reasonNames: ReasonNames;
  /** Work orders the live feed pushed: the ticket's own show at once. */
  declare workOrders: readonly WorkOrder[];

  static override styles = [dashBase, mailFlagStyles, css`
    article { display: grid; gap: 16px; padding: 16px; border: 2px solid #1d1d1d; border-radius: 12px; background: #fff; }
    header { display: flex; gap: 12px; align-items: start; justify-content: space-between; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
    dt { font-weight: 700; }
    dd { margin: 0; }
    ol, ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 6px; }
    .late { color: #8a0010; font-weight: 800; }
    .rejection { border-left: 6px solid #a4000f; padding: 6px 10px; background: #fff3f3; }
    .description { white-space: pre-wrap; }
  `];

  constructor() {
    super();
    this.now = new Date();
    this.busy = false;
    this.error = '';
    this.notice = '';
    this.people = new Map();
    this.reasonNames = new Map();
    this.workOrders = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    // The link panel comes with the directory's chunk, so the dashboard starts without it.
    void import('./directory-sections.ts');
    void import('./work-order-sections.ts');
  }

  override render() {
    const ticket = this.ticket;
    if (!this.speak || !ticket) return nothing;
    const { t, time } = this.speak;
    return html`
      <article aria-labelledby="detail-title" data-detail=${ticket.id}>
        <header>
          <h2 id="detail-title">${ticket.id} · ${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</h2>
          <button @click=${() => emit(this, 'close-detail')}>${t('dash.close')}</button>
        </header>
        ${mailFlag(this.speak, ticket)}
        <dl>
          <dt>${t('dash.colRoom')}</dt><dd>${ticket.room}</dd>
          <dt>${t('dash.category')}</dt><dd data-category=${ticket.category}>${categoryWord(this.speak!, this.assignees, ticket.category)}</dd>
          <dt>${t('dash.colStatus')}</dt><dd data-status=${ticket.status}>${t(`dash.ticketStatus.${ticket.status}`)}</dd>
          <dt>${t('dash.colPriority')}</dt><dd>${t(`dash.priority.${ticket.priority}`)}</dd>
          <dt>${t('dash.colTeam')}</dt><dd data-team>${ticket.team}</dd>
          <dt>${t('dash.colAssignee')}</dt><dd data-assignee>${ticket.assignee ? personName(this.people, ticket.assignee) : t('dash.nobody')}</dd>
          <dt>${t('dash.colDue')}</dt><dd class=${isOverdue(ticket, this.now) ? 'late' : ''}>${time(ticket.dueAt, this.now)}${isOverdue(ticket, this.now) ? ` · ${t('dash.overdue')}` : ''}</dd>
          <dt>${t('dash.reported')}</dt><dd>${time(ticket.createdAt, this.now)} · ${reporterWord(this.speak!, ticket.reporter.kind)}${ticket.reporter.id ? html` (${personName(this.people, ticket.reporter.id)})` : ''}</dd>
          ${ticket.parent ? html`<dt>${t('dash.followUpOf')}</dt><dd>${ticket.parent}</dd>` : nothing}
        </dl>
        <p class="description">${this.speak!.phrase(ticket.descriptionPhrase, ticket.description)}</p>
        ${slaFacts(this.speak, ticket.sla, this.now)}
        <ds-ticket-links .ticket=${ticket}></ds-ticket-links>
        <ds-ticket-work-orders .ticket=${ticket} .pushed=${this.workOrders} .now=${this.now}></ds-ticket-work-orders>
        <ds-dispatch-suggestions .ticket=${ticket} ?busy=${this.busy}></ds-dispatch-suggestions>
        <ds-dispatch-form .ticket=${ticket} .assignees=${this.assignees} ?busy=${this.busy} .error=${this.error} .notice=${this.notice}></ds-dispatch-form>
        <section aria-labelledby="history-title"><h3 id="history-title">${t('dash.history')}</h3>
          <ol>${ticket.history.map((h) => html`<li>${time(h.at, this.now)} · ${personName(this.people, h.actor)} · ${actionWords[h.action] ? t(actionWords[h.action]!) : h.action}
            → ${t(`dash.ticketStatus.${h.status}`)}${h.assignee ? html` (${personName(this.people, h.assignee)})` : ''}${h.note ? html`<br><span class="muted">${h.note}</span>` : nothing}</li>`)}</ol>
        </section>
        <section aria-labelledby="notes-title"><h3 id="notes-title">${t('dash.notes')}</h3>
          ${ticket.notes.length === 0 ? html`<p class="muted">${t('dash.noNotes')}</p>` : html`<ul>${ticket.notes.map((n) => html`
            <li>${time(n.at, this.now)} · ${personName(this.people, n.by)} · ${n.internal ? t('dash.internal') : t('dash.shared')}<br>${n.text}</li>`)}</ul>`}
        </section>
        <section aria-labelledby="rejections-title"><h3 id="rejections-title">${t('dash.rejections')}</h3>
          ${ticket.rejections.length === 0 ? html`<p class="muted">${t('dash.noRejections')}</p>` : ticket.rejections.map((r) => html`
            <div class="rejection" data-rejection=${r.id}>
              <p><strong>${reasonWords(r.reason, ticket.category, this.reasonNames, this.speak!)}</strong> · ${time(r.at, this.now)} · ${personName(this.people, r.by)}</p>
              ${r.notes ? html`<p>${r.notes}</p>` : nothing}
              <p class="muted">${r.route === 'escalated' ? t('dash.rejectionEscalated', { who: r.escalatedTo ? personLabel(this.people, r.escalatedTo) : '—' }) : t('dash.rejectionReturned', { who: r.originalAssignee ? personLabel(this.people, r.originalAssignee) : '—' })}
                ${r.followUp ? ` · ${t('dash.rejectionFollowUp', { ticket: r.followUp })}` : ''}
                ${r.roomStatus ? ` · ${t('dash.rejectionRoom', { status: t(`status.${r.roomStatus}`) })}` : ''}</p>
            </div>`)}
        </section>
      </article>`;
  }
}

customElements.define('ds-ticket-detail', DsTicketDetail);

declare global {
  interface HTMLElementTagNameMap { 'ds-ticket-detail': DsTicketDetail }
}
