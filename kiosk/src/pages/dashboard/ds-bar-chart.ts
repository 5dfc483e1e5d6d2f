import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { dashBase } from './dashboard-styles.ts';

// Only what a bar chart needs, so the page bundle carries none of Chart.js's other charts.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/**
 * One figure as bars, with the same numbers as a table beside it: the chart is for a glance,
 * the table for reading and for screen readers.
 */
export class DsBarChart extends LitElement {
  static override properties = { heading: {}, labels: { attribute: false }, values: { attribute: false }, unit: {}, lang: {} };
  declare heading: string;
  declare labels: string[];
  declare values: number[];
  /** Shown after each number in the table (`%`), and fixing the axis at 0–100. */
  declare unit: string;
  declare lang: string;

  #chart: Chart<'bar'> | undefined;

  static override styles = [dashBase, css`
    figure { margin: 0; display: grid; gap: 8px; }
    figcaption { font-weight: 700; }
    .plot { position: relative; height: 200px; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
  `];

  constructor() {
    super();
    this.heading = '';
    this.labels = [];
    this.values = [];
    this.unit = '';
    this.lang = 'en';
  }

  override render() {
    const number = new Intl.NumberFormat(this.lang, { maximumFractionDigits: 1 });
    const rows = this.labels.map((label, i) => [label, `${number.format(this.values[i] ?? 0)}${this.unit}`] as const);
    return html`
      <figure>
        <figcaption>${this.heading}</figcaption>
        <div class="plot"><canvas role="img" aria-label=${`${this.heading}: ${rows.map(([l, v]) => `${l} ${v}`).join(', ')}`}></canvas></div>
        <table><tbody>${rows.map(([label, value]) => html`<tr><td>${label}</td><td class="n">${value}</td></tr>`)}</tbody></table>
      </figure>`;
  }

  override firstUpdated(): void {
    this.#draw();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the canvas is still there, its chart was let go on the way out.
    if (this.hasUpdated) this.#draw();
  }

  #draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || this.#chart) return;
    this.#chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: this.labels, datasets: [{ data: this.values, backgroundColor: '#0b3d91', borderColor: '#000', borderWidth: 1 }] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ...(this.unit === '%' ? { max: 100 } : {}), ticks: { precision: 0, color: '#111' } }, x: { ticks: { color: '#111' } } },
      },
    });
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.#chart || !(changed.has('labels') || changed.has('values'))) return;
    this.#chart.data.labels = this.labels;
    this.#chart.data.datasets[0]!.data = this.values;
    this.#chart.update('none');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

customElements.define('ds-bar-chart', DsBarChart);

declare global {
  interface HTMLElementTagNameMap { 'ds-bar-chart': DsBarChart }
}
