import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { Priority, TicketStatus } from '@doorside/edge/contracts';
import type { CentralTicket, SiteOverview, TicketFilter } from './central-api.ts';
import { centralStyles } from './central-styles.ts';
import { priorityKey, priorityWord, statusKey, statusWord } from './ticket-words.ts';
import { emit } from '../../components/emit.ts';


/** Tickets across sites with their filters. Fires `filter-change` with the new `TicketFilter`. */
export class DsTicketTable extends LocalizedElement {
  static override properties = { tickets: { attribute: false }, sites: { attribute: false }, filter: { attribute: false } };
  declare tickets: CentralTicket[];
  declare sites: SiteOverview[];
  declare filter: TicketFilter;

  static override styles = [centralStyles, css`
    form { margin-bottom: 1rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    td.id { white-space: nowrap; font-weight: 700; }
  `];

  constructor() {
    super();
    this.tickets = [];
    this.sites = [];
    this.filter = {};
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const t = speak.t;
    const f = this.filter;
    const option = (value: string, label: string, selected: string | undefined) => html`<option value=${value} ?selected=${selected === value}>${label}</option>`;
    return html`
      <form class="filters card" aria-label=${t('central.filters')} @submit=${this.#apply}>
        <label>${t('central.site')}<select name="site">${option('', t('central.allSites'), f.site ?? '')}${this.sites.map((s) => option(s.site, s.name, f.site))}</select></label>
        <label>${t('central.status')}<select name="status">${option('', t('central.any'), f.status ?? '')}${TicketStatus.options.map((s) => option(s, t(statusKey(s)), f.status))}</select></label>
        <label>${t('central.team')}<input name="team" list="teams" .value=${f.team ?? ''} maxlength="48"></label>
        <datalist id="teams">${[...new Set(this.tickets.map((x) => x.team))].sort().map((team) => html`<option value=${team}></option>`)}</datalist>
        <label>${t('central.priority')}<select name="priority">${option('', t('central.any'), f.priority ?? '')}${Priority.options.map((s) => option(s, t(priorityKey(s)), f.priority))}</select></label>
        <label>${t('central.room')}<input name="room" .value=${f.room ?? ''} maxlength="48"></label>
        <div class="actions">
          <button class="primary" type="submit">${t('central.apply')}</button>
          <button type="button" @click=${this.#clear}>${t('central.clear')}</button>
        </div>
      </form>
      <div class="scroll card">
        <table>
          <caption class="muted">${speak.plural('central.tickets', this.tickets.length)}</caption>
          <thead><tr>
            <th scope="col">${t('central.site')}</th><th scope="col">${t('central.ticket')}</th><th scope="col">${t('central.subject')}</th>
            <th scope="col">${t('central.room')}</th><th scope="col">${t('central.status')}</th><th scope="col">${t('central.priority')}</th>
            <th scope="col">${t('central.assignee')}</th><th scope="col">${t('central.updated')}</th>
          </tr></thead>
          <tbody>${this.tickets.map((x) => html`
            <tr data-ticket=${`${x.site}/${x.id}`}>
              <td>${x.site}</td><td class="id">${x.id}</td><td><span data-title>${speak.phrase(x.titlePhrase, x.title)}</span>${x.overdue ? html` <span class="bad">${t('central.overdue')}</span>` : ''}</td>
              <td>${x.room}</td><td>${statusWord(t, x.status)}</td><td>${priorityWord(t, x.priority)}</td>
              <td>${x.assignee ?? t('central.unassigned')}</td><td>${speak.time(x.updatedAt, new Date())}</td>
            </tr>`)}
          </tbody>
        </table>
        ${this.tickets.length === 0 ? html`<p>${t('central.noTickets')}</p>` : ''}
      </div>`;
  }

  #apply(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const filter: TicketFilter = {};
    for (const key of ['site', 'status', 'team', 'priority', 'room'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value) filter[key] = value;
    }
    this.#emit(filter);
  }

  #clear(): void {
    this.#emit({});
  }

  #emit(filter: TicketFilter): void {
    emit(this, 'filter-change', filter);
  }
}

customElements.define('ds-ticket-table', DsTicketTable);
