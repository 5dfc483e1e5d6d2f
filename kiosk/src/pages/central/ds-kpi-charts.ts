import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';
import { isOpen, TicketStatus } from '@doorside/edge/contracts';
import { css, html, nothing, type PropertyValues } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { SiteKpis } from './central-api.ts';
import { centralStyles } from './central-styles.ts';
import { statusKey } from './ticket-words.ts';

// Only what a stacked bar chart needs: the bundle carries none of Chart.js's other charts.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

// Distinct under common colour-vision deficiencies, each with 3:1 or more against white.
const colours: Record<TicketStatus, string> = {
  new: '#0b3d91', assigned: '#6a3d9a', in_progress: '#1f78b4', done: '#33a02c', rejected: '#a4000f', escalated: '#b15928', verified: '#555555', cancelled: '#999999',
};

/** Open tickets by status per site as a stacked bar chart, and every KPI per site in a table. */
export class DsKpiCharts extends LocalizedElement {
  static override properties = { kpis: { attribute: false } };
  declare kpis: SiteKpis[];

  #chart: Chart<'bar'> | undefined;

  static override styles = [centralStyles, css`
    .plot { position: relative; height: 280px; }
    figure.chart { margin: 0; }
    td.n { font-variant-numeric: tabular-nums; }
    section { display: grid; gap: 1rem; }
  `];

  constructor() {
    super();
    this.kpis = [];
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const t = speak.t;
    const number = new Intl.NumberFormat(speak.lang, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(speak.lang, { style: 'percent', maximumFractionDigits: 1 });
    const none = t('central.none');
    const summary = this.kpis.map((k) => `${k.site}: ${k.openTotal}`).join(', ');
    return html`
      <section>
        <figure class="card chart">
          <figcaption><h3>${t('central.openTickets')}</h3></figcaption>
          <div class="plot"><canvas role="img" aria-label=${`${t('central.chartLabel')}: ${summary}`}></canvas></div>
        </figure>
        <div class="card scroll">
          <table>
            <thead><tr>
              <th scope="col">${t('central.site')}</th><th scope="col">${t('central.openTotal')}</th><th scope="col">${t('central.resolved')}</th>
              <th scope="col">${t('central.meanResolve')}</th><th scope="col">${t('central.slaBreaches')}</th>
              <th scope="col">${t('central.rejectionRate')}</th><th scope="col">${t('central.averageRating')}</th>
            </tr></thead>
            <tbody>${this.kpis.map((k) => html`
              <tr data-kpis=${k.site}>
                <th scope="row">${k.site}</th><td class="n">${k.openTotal}</td><td class="n">${k.resolved}</td>
                <td class="n">${k.meanMinutesToResolve === null ? none : t('central.minutes', { minutes: number.format(k.meanMinutesToResolve) })}</td>
                <td class="n">${k.slaBreaches}</td>
                <td class="n">${k.rejectionRate === null ? none : percent.format(k.rejectionRate)}</td>
                <td class="n">${k.averageRating === null ? none : t('central.rating', { rating: number.format(k.averageRating), count: k.ratings })}</td>
              </tr>`)}
            </tbody>
          </table>
        </div>
      </section>`;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('kpis')) this.#draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }

  #draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const speak = this.speak;
    if (!canvas || !speak) return;
    const open = TicketStatus.options.filter((s) => isOpen(s));
    const data = {
      labels: this.kpis.map((k) => k.site),
      datasets: open.map((status) => ({
        label: speak.t(statusKey(status)), backgroundColor: colours[status], data: this.kpis.map((k) => k.open[status] ?? 0),
      })),
    };
    if (this.#chart) {
      this.#chart.data = data;
      this.#chart.update();
      return;
    }
    this.#chart = new Chart(canvas, {
      type: 'bar',
      data,
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, locale: speak.lang,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
  }
}

customElements.define('ds-kpi-charts', DsKpiCharts);
