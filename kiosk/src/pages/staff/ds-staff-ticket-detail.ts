import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { LocalizedElement } from '../../components/localized-element.ts';
import './ds-staff-comment-form.ts';
import './ds-staff-inquiry.ts';
import './ds-staff-job-supplies.ts';
import './ds-staff-order-items.ts';
import './ds-staff-complete-form.ts';
import './ds-staff-rejection-note.ts';
import './ds-staff-ticket-record.ts';
import './ds-staff-transfer-form.ts';
import { dueState } from './due.ts';
import { type Entry, openRejection } from './queue-lists.ts';
import type { StaffAction } from './staff-api.ts';
import { staffBase } from './staff-styles.ts';
import { categoryWords, dueWords, type Names, priorityLook, whoIs } from './ticket-words.ts';
import { emit } from '../../components/emit.ts';
import { paint } from '../../components/paint.ts';
import { mailFlag, mailFlagStyles } from '../../components/mail-flag.ts';

export type DetailForm = '' | 'complete' | 'transfer' | 'comment';

/**
 * A ticket in full: a returned job's rejection on top, room, category, description, the
 * occupant's photos, due time, the actions it accepts, notes and history. Fires `back`,
 * `open-form`, and `ticket-action` (from its buttons and forms).
 */
export class DsStaffTicketDetail extends LocalizedElement {
  static override properties = {
    entry: { attribute: false }, names: { attribute: false }, photoUrl: { attribute: false },
    now: { type: Number }, busy: { type: Boolean }, form: {}, internalNotes: { type: Boolean }, materials: { type: Boolean }, orderItems: { type: Boolean },
  };
  declare entry: Entry | undefined;
  declare names: Names | undefined;
  declare photoUrl: ((id: string) => string) | undefined;
  declare now: number;
  declare busy: boolean;
  declare form: DetailForm;
  declare internalNotes: boolean;
  /** Whether the viewer handles a job's materials, and adds items to its paid order (the gateway says). */
  declare materials: boolean;
  declare orderItems: boolean;

  static override styles = [staffBase, mailFlagStyles, css`
    :host { display: grid; gap: 16px; }
    article { display: grid; gap: 16px; }
    .top { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
    .badge { padding: 2px 10px; border-radius: 999px; font-weight: 800; border: 2px solid #111; }
    h2 { font-size: 1.35rem; line-height: 1.25; overflow-wrap: anywhere; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 14px; margin: 0; }
    dt { font-weight: 700; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .due { font-weight: 700; }
    .due.overdue { background: #8a000c; color: #fff; padding: 4px 10px; border-radius: 8px; justify-self: start; }
    .description { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; }
    section { display: grid; gap: 8px; }
    h3 { font-size: 1.1rem; }
    .photos { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
    img { width: 140px; height: 140px; object-fit: cover; border-radius: 8px; border: 2px solid #111; display: block; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .actions button { flex: 1 1 140px; }
    .back { justify-self: start; }
  `];

  constructor() {
    super();
    this.now = Date.now();
    this.busy = false;
    this.form = '';
    this.internalNotes = false;
    this.materials = false;
    this.orderItems = false;
  }

  override render() {
    const { entry, names, speak } = this;
    if (!names || !speak) return nothing;
    const { t } = speak;
    const back = html`<button class="back" data-action="back" @click=${() => this.#fire('back', {})}>← ${t('staff.back')}</button>`;
    if (!entry) return html`${back}<p role="status">${t('staff.gone')}</p>`;
    const { ticket } = entry;
    const now = new Date(this.now);
    const due = dueState(ticket, this.now);
    const look = priorityLook[ticket.priority];
    const room = names.rooms.get(ticket.room);
    const rejection = openRejection(ticket);
    const occupantPhotos = ticket.attachments.filter((a) => a.by === 'occupant');
    return html`
      ${back}
      <article data-detail=${ticket.id}>
        ${rejection ? html`<ds-staff-rejection-note .category=${entry.ticket.category} .rejection=${rejection} .names=${names} .now=${this.now} .photoUrl=${this.photoUrl}></ds-staff-rejection-note>` : nothing}
        <div class="top">
          <span class="badge" ${paint({ background: look.background, color: look.foreground })}><span aria-hidden="true">${look.mark}</span> ${t(`staff.priority.${ticket.priority}`)}</span>
          <strong>${t(`staff.ticketStatus.${ticket.status}`)}</strong>
          <span class="muted">${ticket.id}</span>
        </div>
        <h2>${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</h2>
        ${mailFlag(speak, ticket)}
        ${due.kind === 'none' ? nothing : html`<p class="due ${due.kind}" data-due=${due.kind}>${due.kind === 'overdue' ? '⚠ ' : ''}${dueWords(ticket, due, now, speak)}</p>`}
        <dl>
          <dt>${t('staff.room')}</dt><dd>${room ? `${this.speak!.name(room.name, room.names)} (${ticket.room}) · ${t('staff.floor', { floor: room.floor })} · ${this.speak!.name(room.zone, room.zoneNames)}` : ticket.room}</dd>
          <dt>${t('staff.category')}</dt><dd>${categoryWords(ticket, names, this.speak!)}</dd>
          <dt>${t('staff.dueLabel')}</dt><dd>${speak.time(ticket.dueAt, now)}</dd>
          <dt>${t('staff.reported')}</dt><dd>${whoIs(ticket.reporter.kind === 'occupant' ? 'occupant' : ticket.reporter.id ?? 'system', names, speak)} · ${speak.time(ticket.createdAt, now)}</dd>
          <dt>${t('staff.assignee')}</dt><dd>${ticket.assignee ? names.people.get(ticket.assignee) ?? ticket.assignee : t('staff.nobody')}</dd>
          ${ticket.parent ? html`<dt>${t('staff.followUpOf')}</dt><dd>${ticket.parent}</dd>` : nothing}
        </dl>
        <section aria-labelledby="description-title">
          <h3 id="description-title">${t('staff.description')}</h3>
          <p class="description">${this.speak!.phrase(ticket.descriptionPhrase, ticket.description)}</p>
        </section>
        ${ticket.kind === 'inquiry' ? html`<ds-staff-inquiry .ticket=${ticket} ?mayComplete=${entry.actions.includes('complete')}></ds-staff-inquiry>` : nothing}
        ${occupantPhotos.length === 0 || !this.photoUrl ? nothing : html`
          <section aria-labelledby="occupant-photos-title" data-occupant-photos>
            <h3 id="occupant-photos-title">${t('staff.occupantPhotos')}</h3>
            <ul class="photos">${occupantPhotos.map((a, i) => html`<li><a href=${this.photoUrl!(a.id)} target="_blank" rel="noopener">
              <img src=${this.photoUrl!(a.id)} alt=${t('staff.photoAlt', { n: i + 1, count: occupantPhotos.length })} loading="lazy"></a></li>`)}</ul>
          </section>`}
        ${this.#actions(entry)}
        ${this.#onTheJob(ticket)}
        <ds-staff-ticket-record .ticket=${ticket} .names=${names} .photoUrl=${this.photoUrl} .now=${this.now}></ds-staff-ticket-record>
        ${this.#earlierRejections(entry, rejection)}
      </article>`;
  }

  #actions(entry: Entry) {
    const t = this.speak!.t;
    const { ticket, actions } = entry;
    const has = (a: string) => actions.includes(a as StaffAction);
    const oneTap = (['claim', 'accept', 'start'] as const).filter(has);
    const forms: [DetailForm, boolean][] = [['complete', has('complete')], ['transfer', has('transfer') || has('release')], ['comment', has('comment')]];
    return html`
      <section aria-labelledby="actions-title">
        <h3 id="actions-title">${t('staff.actions')}</h3>
        ${entry.stale && actions.length === 0 ? html`<p class="muted">${t('staff.updating')}</p>` : nothing}
        <div class="actions">
          ${oneTap.map((action) => html`<button class="go" data-action=${action} ?disabled=${this.busy}
            @click=${() => this.#fire('ticket-action', { ticket: ticket.id, action })}>${t(`staff.action.${action}`)}</button>`)}
          ${forms.filter(([, shown]) => shown).map(([form]) => html`<button data-action=${form} aria-expanded=${String(this.form === form)}
            @click=${() => this.#fire('open-form', { form: this.form === form ? '' : form })}>${t(`staff.action.${form as Exclude<DetailForm, ''>}`)}</button>`)}
        </div>
        ${this.form === 'complete' && has('complete') ? html`<ds-staff-complete-form .ticket=${ticket.id} ?busy=${this.busy}></ds-staff-complete-form>` : nothing}
        ${this.form === 'transfer' ? html`<ds-staff-transfer-form .ticket=${ticket.id} ?busy=${this.busy} ?toTeam=${has('release')}
          .people=${has('transfer') ? entry.transferTo.map((id) => ({ id, name: this.names!.people.get(id) ?? id })) : []}></ds-staff-transfer-form>` : nothing}
        ${this.form === 'comment' && has('comment') ? html`<ds-staff-comment-form .ticket=${ticket.id} ?busy=${this.busy} ?internalAllowed=${this.internalNotes}></ds-staff-comment-form>` : nothing}
      </section>`;
  }

  /**
   * What a worker needs on a job being worked: its paid order (a booked visit that is not a
   * planned one), and its materials. Keyed by ticket, so another job reads its own.
   */
  #onTheJob(ticket: Ticket) {
    if (ticket.kind === 'inquiry' || (ticket.status !== 'assigned' && ticket.status !== 'in_progress')) return nothing;
    const paid = this.orderItems && ticket.visitAt !== undefined && !ticket.planned;
    return keyed(ticket.id, html`${paid ? html`<ds-staff-order-items .ticket=${ticket.id}></ds-staff-order-items>` : nothing}
      ${this.materials ? html`<ds-staff-job-supplies .ticket=${ticket.id}></ds-staff-job-supplies>` : nothing}`);
  }

  #earlierRejections(entry: Entry, shown: ReturnType<typeof openRejection>) {
    const earlier = entry.ticket.rejections.filter((r) => r !== shown).reverse();
    if (earlier.length === 0) return nothing;
    return html`
      <section aria-labelledby="rejections-title">
        <h3 id="rejections-title">${this.speak!.t('staff.earlierRejections')}</h3>
        ${earlier.map((r) => html`<ds-staff-rejection-note .category=${entry.ticket.category} .rejection=${r} .names=${this.names} .now=${this.now} .photoUrl=${this.photoUrl}></ds-staff-rejection-note>`)}
      </section>`;
  }

  #fire(name: string, detail: object): void {
    emit(this, name, detail);
  }
}

customElements.define('ds-staff-ticket-detail', DsStaffTicketDetail);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-ticket-detail': DsStaffTicketDetail }
}
