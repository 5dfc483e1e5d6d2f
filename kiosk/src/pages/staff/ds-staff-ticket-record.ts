import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { historyWords, type Names, whoIs } from './ticket-words.ts';

/** What has been written and done on a ticket: notes (shared and staff-only), work photos and history. */
export class DsStaffTicketRecord extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, names: { attribute: false }, photoUrl: { attribute: false }, now: { type: Number },
  };
  declare ticket: Ticket | undefined;
  declare names: Names | undefined;
  declare photoUrl: ((id: string) => string) | undefined;
  declare now: number;

  static override styles = [staffBase, css`
    :host { display: grid; gap: 20px; }
    section { display: grid; gap: 8px; }
    h3 { font-size: 1.1rem; }
    ol, ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
    .note { border: 2px solid #111; border-radius: 10px; padding: 10px 12px; display: grid; gap: 4px; }
    .note.internal { border-style: dashed; background: #f4f4f4; }
    .tag { font-size: 0.85rem; font-weight: 800; text-transform: uppercase; letter-spacing: 0.02em; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    .photos { display: flex; flex-wrap: wrap; gap: 8px; }
    img { width: 120px; height: 120px; object-fit: cover; border-radius: 8px; border: 2px solid #111; display: block; }
    .step { border-left: 4px solid #111; padding: 2px 0 2px 10px; }
  `];

  constructor() {
    super();
    this.now = Date.now();
  }

  override render() {
    const { ticket, names, speak } = this;
    if (!ticket || !names || !speak) return nothing;
    const { t } = speak;
    const now = new Date(this.now);
    const rejectionPhotos = new Set(ticket.rejections.flatMap((r) => r.photos));
    const workPhotos = ticket.attachments.filter((a) => a.by !== 'occupant' && !rejectionPhotos.has(a.id));
    return html`
      <section aria-labelledby="notes-title" data-notes>
        <h3 id="notes-title">${t('staff.notes')}</h3>
        ${ticket.notes.length === 0 ? html`<p class="muted">${t('staff.noNotes')}</p>` : html`
          <ul>${ticket.notes.map((note) => html`
            <li class="note ${note.internal ? 'internal' : ''}" data-internal=${String(note.internal)}>
              <span class="tag">${note.internal ? t('staff.internal') : t('staff.shared')}</span>
              <span class="text">${note.text}</span>
              <span class="muted">${whoIs(note.by, names, speak)} · ${speak.time(note.at, now)}</span>
            </li>`)}</ul>`}
      </section>
      ${workPhotos.length === 0 || !this.photoUrl ? nothing : html`
        <section aria-labelledby="work-photos-title">
          <h3 id="work-photos-title">${t('staff.workPhotos')}</h3>
          <ul class="photos">${workPhotos.map((a, i) => html`<li><a href=${this.photoUrl!(a.id)} target="_blank" rel="noopener">
            <img src=${this.photoUrl!(a.id)} alt=${t('staff.photoAlt', { n: i + 1, count: workPhotos.length })} loading="lazy"></a></li>`)}</ul>
        </section>`}
      <section aria-labelledby="history-title" data-history>
        <h3 id="history-title">${t('staff.history')}</h3>
        <ol>${ticket.history.map((entry) => html`
          <li class="step">
            <strong>${historyWords(entry, names, speak)}</strong>
            <span class="muted"> · ${whoIs(entry.actor, names, speak)} · ${speak.time(entry.at, now)}</span>
            ${entry.note ? html`<div class="text">${entry.note}</div>` : nothing}
          </li>`)}</ol>
      </section>`;
  }
}

customElements.define('ds-staff-ticket-record', DsStaffTicketRecord);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-ticket-record': DsStaffTicketRecord }
}
