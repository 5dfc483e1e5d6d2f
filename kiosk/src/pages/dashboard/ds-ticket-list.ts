import { isOverdue, type Names, Priority, type Room, type Ticket, TicketStatus } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import { type TicketFilters, type TicketSort, visibleTickets } from './ticket-filters.ts';
import { emit } from '../../components/emit.ts';
import { teamWord } from './site-words.ts';
import { type People, personName } from '../../components/person-name.ts';
import { slaMark, slaMarkStyles } from '../../components/sla-mark.ts';

/**
 * The site's tickets with filters and a sort order. Reports what the user chose:
 * `filters-change` (detail: the filters), `sort-change` (detail: `{sort}`), `ticket-picked` (detail: `{id}`).
 */
export class DsTicketList extends LocalizedElement {
  static override properties = {
    tickets: { attribute: false }, rooms: { attribute: false }, teams: { attribute: false }, filters: { attribute: false },
    sort: {}, selected: {}, exportUrl: {}, now: { attribute: false }, people: { attribute: false },
  };
  declare tickets: Ticket[];
  declare rooms: Room[];
  declare teams: { id: string; name: string; names?: Names | undefined }[];
  declare filters: TicketFilters;
  declare sort: TicketSort;
  declare selected: string;
  declare exportUrl: string;
  declare now: Date;
  declare people: People;

  static override styles = [dashBase, slaMarkStyles, css`
    .controls { margin-bottom: 12px; }
    .list { max-height: 560px; overflow: auto; border: 1px solid #c8c8c8; border-radius: 8px; }
    thead th { position: sticky; top: 0; background: #f1f1f1; }
    tr[aria-selected='true'] td { background: #e4ecfa; }
    th.col-ticket { min-width: 16rem; width: 40%; }
    .pick { display: grid; justify-items: start; width: 100%; min-height: 44px; padding: 4px 8px; border-width: 1px; text-align: left; font-weight: 700; }
    /* Two lines at most; the whole title is on hover and read out by the button's name. */
    .title { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; overflow-wrap: anywhere; font-weight: 400; }
    .late { display: inline-block; margin-left: 6px; padding: 1px 6px; border-radius: 4px; background: #a4000f; color: #fff; font-weight: 700; font-size: 0.8rem; }
    .urgent { font-weight: 800; }
    .count { margin-top: 8px; }
  `];

  constructor() {
    super();
    this.tickets = [];
    this.rooms = [];
    this.teams = [];
    this.sort = 'priority';
    this.selected = '';
    this.exportUrl = '';
    this.now = new Date();
    this.people = new Map();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const shown = visibleTickets(this.tickets, this.filters, this.sort, this.now);
    return html`
      <div class="row controls" role="group" aria-label=${t('dash.filters')}>
        ${this.#select('status', t('dash.filterStatus'), TicketStatus.options.map((s) => [s, t(`dash.ticketStatus.${s}`)]))}
        ${this.#select('team', t('dash.filterTeam'), this.teams.map((team) => [team.id, this.speak!.name(team.name, team.names)]))}
        ${this.#select('priority', t('dash.filterPriority'), Priority.options.map((p) => [p, t(`dash.priority.${p}`)]))}
        ${this.#select('room', t('dash.filterRoom'), this.rooms.map((r) => [r.id, `${r.id} · ${this.speak!.name(r.name, r.names)}`]))}
        ${this.#select('overdue', t('dash.filterOverdue'), [['true', t('dash.overdueOnly')], ['false', t('dash.onTimeOnly')]])}
        <label>${t('dash.sortBy')}
          <select name="sort" @change=${(e: Event) => this.#emit('sort-change', { sort: (e.target as HTMLSelectElement).value })}>
            <option value="priority" ?selected=${this.sort === 'priority'}>${t('dash.sortPriority')}</option>
            <option value="due" ?selected=${this.sort === 'due'}>${t('dash.sortDue')}</option>
          </select>
        </label>
        <a class="button" href=${this.exportUrl} download data-export="tickets">${t('dash.exportTickets')}</a>
      </div>
      <div class="list" tabindex="0" role="region" aria-label=${t('dash.ticketsCaption')}>
        <table>
          <caption class="sr-only">${t('dash.ticketsCaption')}</caption>
          <thead><tr>
            <th scope="col" class="col-ticket">${t('dash.colTicket')}</th><th scope="col">${t('dash.colRoom')}</th><th scope="col">${t('dash.colStatus')}</th>
            <th scope="col">${t('dash.colPriority')}</th><th scope="col">${t('dash.colTeam')}</th><th scope="col">${t('dash.colAssignee')}</th><th scope="col">${t('dash.colDue')}</th>
          </tr></thead>
          <tbody>${shown.map((ticket) => this.#row(ticket))}</tbody>
        </table>
      </div>
      <p class="count muted" role="status" data-count=${shown.length}>${t('dash.ticketCount', { shown: shown.length, total: this.tickets.length })}</p>`;
  }

  #row(ticket: Ticket) {
    const { t, time } = this.speak!;
    return html`
      <tr data-ticket=${ticket.id} aria-selected=${this.selected === ticket.id ? 'true' : 'false'}>
        <td><button class="pick" title=${this.speak!.phrase(ticket.titlePhrase, ticket.title)} @click=${() => this.#emit('ticket-picked', { id: ticket.id })}><span>${ticket.id}</span><span class="title" data-title>${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</span></button></td>
        <td>${ticket.room}</td>
        <td data-status=${ticket.status}>${t(`dash.ticketStatus.${ticket.status}`)}</td>
        <td class=${ticket.priority === 'urgent' ? 'urgent' : ''}>${t(`dash.priority.${ticket.priority}`)}</td>
        <td data-team=${ticket.team}>${teamWord(this.speak!, { teams: this.teams }, ticket.team)}</td>
        <td>${ticket.assignee ? personName(this.people, ticket.assignee) : t('dash.nobody')}</td>
        <td>${time(ticket.dueAt, this.now)}${isOverdue(ticket, this.now) ? html`<span class="late">${t('dash.overdue')}</span>` : nothing}${slaMark(this.speak!, ticket.sla, this.now)}</td>
      </tr>`;
  }

  #select(name: keyof TicketFilters, label: string, options: string[][]) {
    const { t } = this.speak!;
    return html`
      <label>${label}
        <select name=${name} @change=${(e: Event) => this.#emit('filters-change', { ...this.filters, [name]: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${this.filters[name] === ''}>${t('dash.any')}</option>
          ${options.map(([value, text]) => html`<option value=${value!} ?selected=${this.filters[name] === value}>${text}</option>`)}
        </select>
      </label>`;
  }

  #emit(type: string, detail: unknown): void {
    emit(this, type, detail);
  }
}

customElements.define('ds-ticket-list', DsTicketList);

declare global {
  interface HTMLElementTagNameMap { 'ds-ticket-list': DsTicketList }
}
