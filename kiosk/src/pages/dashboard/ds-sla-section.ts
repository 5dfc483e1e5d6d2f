import type { Occurrence, ScheduleView, Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-sla-clock.ts';
import { SlaApi } from './sla-api.ts';

const DAYS_AHEAD = 14;

/**
 * Service levels at a glance: the tickets whose clocks ran out, every open ticket with its
 * clocks (soonest resolution first), and the planned work of the next two weeks.
 */
export class DsSlaSection extends LocalizedElement {
  static override properties = { breached: { state: true }, open: { state: true }, planned: { state: true }, failed: { state: true } };
  declare breached: Ticket[] | undefined;
  declare open: Ticket[] | undefined;
  declare planned: { schedule: ScheduleView; occurrence: Occurrence }[] | undefined;
  declare failed: boolean;
  readonly #api = new SlaApi(new URL('./', location.href));

  static override styles = [dashBase, css`
    section + section { margin-top: 24px; }
    ol.planned { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
    ol.planned li { display: flex; flex-wrap: wrap; gap: 4px 12px; padding: 6px 8px; border-left: 4px solid #0b3d91; background: #f4f6fb; }
    time { font-weight: 700; min-width: 9rem; }
  `];

  constructor() {
    super();
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const now = new Date();
    try {
      [this.breached, this.open, this.planned] = await Promise.all([
        this.#api.breached(), this.#api.open(), this.#api.planned(now, new Date(now.getTime() + DAYS_AHEAD * 86_400_000)),
      ]);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const { t } = speak;
    if (this.failed) return html`<p role="alert">${t('slaDash.failed')}</p>`;
    if (!this.breached || !this.open || !this.planned) return html`<p class="muted">${t('slaDash.loading')}</p>`;
    const now = new Date();
    return html`
      <section aria-labelledby="sla-breached" data-list="breached">
        <h3 id="sla-breached">${t('slaDash.breachedTitle')}</h3>
        ${this.breached.length === 0 ? html`<p>${t('slaDash.noneBreached')}</p>` : this.#table(this.breached, t('slaDash.breachedTitle'))}
      </section>
      <section aria-labelledby="sla-open" data-list="open">
        <h3 id="sla-open">${t('slaDash.openTitle')}</h3>
        ${this.open.length === 0 ? html`<p>${t('slaDash.noneOpen')}</p>` : this.#table(this.open, t('slaDash.openTitle'))}
      </section>
      <section aria-labelledby="sla-planned" data-list="planned">
        <h3 id="sla-planned">${t('slaDash.plannedTitle', { days: DAYS_AHEAD })}</h3>
        ${this.planned.length === 0 ? html`<p>${t('slaDash.nonePlanned', { days: DAYS_AHEAD })}</p>` : html`
          <ol class="planned">${this.planned.map(({ schedule, occurrence }) => html`
            <li data-occurrence=${`${schedule.id}@${occurrence.key}`}>
              <time datetime=${occurrence.at}>${speak.time(occurrence.at, now)}</time>
              <span>${schedule.title}</span>
              <span class="muted">${schedule.place.kind === 'room' ? schedule.place.room : schedule.place.kind === 'zone' ? schedule.place.zone : schedule.place.installation}</span>
              ${occurrence.moved ? html`<span class="muted">${t('slaDash.moved')}</span>` : nothing}
              ${occurrence.ticket ? html`<span>${t('slaDash.made', { ticket: occurrence.ticket })}</span>` : nothing}
            </li>`)}</ol>`}
      </section>`;
  }

  #table(tickets: Ticket[], caption: string) {
    const { t } = this.speak!;
    return html`
      <table>
        <caption class="sr-only">${caption}</caption>
        <thead><tr><th scope="col">${t('dash.colTicket')}</th><th scope="col">${t('dash.colRoom')}</th><th scope="col">${t('dash.colPriority')}</th><th scope="col">${t('slaDash.colClock')}</th></tr></thead>
        <tbody>${tickets.map((ticket) => html`
          <tr data-ticket=${ticket.id}>
            <th scope="row">${ticket.id} · ${this.speak!.phrase(ticket.titlePhrase, ticket.title)}</th>
            <td>${ticket.room}</td>
            <td>${t(`dash.priority.${ticket.priority}`)}</td>
            <td><ds-sla-clock .sla=${ticket.sla}></ds-sla-clock>${ticket.sla ? nothing : html`<span class="muted">${t('slaDash.noClock')}</span>`}</td>
          </tr>`)}</tbody>
      </table>`;
  }
}

customElements.define('ds-sla-section', DsSlaSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-sla-section': DsSlaSection }
}
