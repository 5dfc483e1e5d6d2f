import { type KpiReport, TicketStatus } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-bar-chart.ts';
import { durationWords } from './duration-words.ts';
import { emit } from '../../components/emit.ts';
import { categoryWord, type SiteNames, teamWord } from './site-words.ts';

/** The facility figures for a window of days; fires `window-change` (detail: `{from, to}`, days or empty). */
export class DsKpiPanel extends LocalizedElement {
  static override properties = { figures: { attribute: false }, failed: { type: Boolean }, window: { attribute: false }, names: { attribute: false } };
  declare figures: KpiReport | undefined;
  declare failed: boolean;
  declare window: { from: string; to: string };
  /** The site's teams and categories, to name them in the reader's language. */
  declare names: SiteNames | undefined;

  static override styles = [dashBase, css`
    .cards { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); margin: 12px 0; padding: 0; list-style: none; }
    .card { border: 2px solid #1d1d1d; border-radius: 10px; padding: 10px 12px; background: #fff; }
    .value { display: block; font-size: 1.6rem; font-weight: 800; font-variant-numeric: tabular-nums; }
    .charts { display: grid; gap: 18px; grid-template-columns: repeat(auto-fit, minmax(min(280px, 100%), 1fr)); }
  `];

  constructor() {
    super();
    this.failed = false;
    this.window = { from: '', to: '' };
  }

  override connectedCallback() {
    super.connectedCallback();
    // The breach tables and their words in four languages load with the figures, not with the dashboard.
    void import('./ds-breach-figures.ts');
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`
      <form class="row" @submit=${this.#submit} aria-label=${t('dash.kpiWindow')}>
        <label>${t('dash.from')}<input type="date" name="from" .value=${this.window.from}></label>
        <label>${t('dash.to')}<input type="date" name="to" .value=${this.window.to}></label>
        <button type="submit">${t('dash.showFigures')}</button>
      </form>
      ${this.failed ? html`<p class="error" role="alert">${t('dash.figuresFailed')}</p>` : nothing}
      ${this.figures ? this.#figures(this.figures) : html`<p class="muted">${t('dash.loading')}</p>`}`;
  }

  #figures(f: KpiReport) {
    const { t, lang } = this.speak!;
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const open = Object.values(f.openByStatus).reduce((a, b) => a + b, 0);
    const statusWord = (s: string) => {
      const status = TicketStatus.safeParse(s);
      return status.success ? t(`dash.ticketStatus.${status.data}`) : s;
    };
    const card = (key: string, label: string, value: string, sub = '') => html`
      <li class="card" data-kpi=${key}>${label}<span class="value">${value}</span>${sub ? html`<span class="muted">${sub}</span>` : nothing}</li>`;
    return html`
      <ul class="cards">
        ${card('reported', t('dash.kpiReported'), number.format(f.reported), t('dash.kpiWindowDates', { from: f.from.slice(0, 10), to: f.to.slice(0, 10) }))}
        ${card('open', t('dash.kpiOpen'), number.format(open))}
        ${card('resolve', t('dash.kpiResolve'), f.resolution.meanMinutes === null ? '—' : durationWords(f.resolution.meanMinutes, t), this.speak!.plural('dash.kpiResolvedCount', f.resolution.resolved))}
        ${card('sla', t('dash.kpiSla'), number.format(f.sla.breached), f.sla.percent === null ? '' : t('dash.kpiSlaShare', { percent: number.format(f.sla.percent), counted: f.sla.counted }))}
        ${card('rating', t('dash.kpiRating'), f.ratings.average === null ? '—' : t('dash.kpiStars', { stars: number.format(f.ratings.average) }), this.speak!.plural('dash.kpiRatingsCount', f.ratings.count))}
      </ul>
      <div class="charts">
        <ds-bar-chart data-chart="open" .heading=${t('dash.chartOpen')} .lang=${lang}
          .labels=${Object.keys(f.openByStatus).map(statusWord)} .values=${Object.values(f.openByStatus)}></ds-bar-chart>
        <ds-bar-chart data-chart="rejections-category" .heading=${t('dash.chartRejectCategory')} .lang=${lang} unit="%"
          .labels=${f.rejections.byCategory.map((c) => categoryWord(this.speak!, this.names, c.category))} .values=${f.rejections.byCategory.map((c) => c.percent)}></ds-bar-chart>
        <ds-bar-chart data-chart="rejections-team" .heading=${t('dash.chartRejectTeam')} .lang=${lang} unit="%"
          .labels=${f.rejections.byTeam.map((c) => teamWord(this.speak!, this.names, c.team))} .values=${f.rejections.byTeam.map((c) => c.percent)}></ds-bar-chart>
        <ds-bar-chart data-chart="ratings" .heading=${t('dash.chartRatings')} .lang=${lang}
          .labels=${[1, 2, 3, 4, 5].map((n) => this.speak!.plural('dash.kpiStarsCount', n))} .values=${f.ratings.distribution}></ds-bar-chart>
      </div>
      ${this.#vendors(f, number)}
      <ds-breach-figures .breaches=${f.breaches} .vendors=${f.vendors} .names=${this.names}></ds-breach-figures>`;
  }

  /** Per vendor: how fast they accept, how fast the work is reported done, how much of it is sent back. */
  #vendors(f: KpiReport, number: Intl.NumberFormat) {
    const { t } = this.speak!;
    if (!f.vendors?.length) return nothing;
    const time = (minutes: number | null) => (minutes === null ? '—' : durationWords(minutes, t));
    return html`
      <table data-figures="vendors">
        <caption>${t('dash.kpiVendors')}</caption>
        <thead><tr><th scope="col">${t('dash.kpiVendor')}</th><th scope="col">${t('dash.kpiVendorOrders')}</th><th scope="col">${t('dash.kpiToAccept')}</th>
          <th scope="col">${t('dash.kpiToDone')}</th><th scope="col">${t('dash.kpiVendorRejected')}</th></tr></thead>
        <tbody>${f.vendors.map((v) => html`<tr data-vendor=${v.vendor}><th scope="row">${v.name}</th><td>${number.format(v.sent)}</td>
          <td>${time(v.meanMinutesToAccept)}</td><td>${time(v.meanMinutesToDone)}</td>
          <td>${v.rejectionPercent === null ? '—' : t('dash.kpiPercent', { percent: number.format(v.rejectionPercent) })}</td></tr>`)}</tbody>
      </table>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    emit(this, 'window-change', { from: value('from'), to: value('to') });
  }
}

customElements.define('ds-kpi-panel', DsKpiPanel);

declare global {
  interface HTMLElementTagNameMap { 'ds-kpi-panel': DsKpiPanel }
}
