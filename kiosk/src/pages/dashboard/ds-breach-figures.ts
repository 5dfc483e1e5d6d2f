import type { KpiReport } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { BreachWords } from './breach-figures-words.ts';
import { dashBase } from './dashboard-styles.ts';
import { categoryWord, type SiteNames, teamWord } from './site-words.ts';

type Breaches = KpiReport['breaches'];
type Row = { key: string; name: string; counted: number; breached: number; response: number; resolution: number; percent: number | null };

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * The window's service-level breaches on the figures page: overall, and per category, team and
 * vendor, as `/api/kpis` counts them. Its words come in their own file, fetched when the
 * tables are first shown.
 */
export class DsBreachFigures extends LocalizedElement {
  static override properties = { breaches: { attribute: false }, vendors: { attribute: false }, names: { attribute: false }, words: { state: true } };
  declare breaches: Breaches | undefined;
  /** The window's vendors, to name each by its name. */
  declare vendors: KpiReport['vendors'] | undefined;
  declare names: SiteNames | undefined;
  declare words: Record<string, BreachWords> | undefined;

  static override styles = [dashBase, css`
    :host { display: grid; gap: 16px; margin-top: 18px; }
    td { font-variant-numeric: tabular-nums; }
  `];

  override connectedCallback() {
    super.connectedCallback();
    void import('./breach-figures-words.ts').then((m) => { this.words = m.breachWords; });
  }

  override render() {
    const speak = this.speak;
    const words = this.words?.[speak?.lang ?? 'en'];
    const b = this.breaches;
    if (!speak || !words || !b) return nothing;
    const number = new Intl.NumberFormat(speak.lang, { maximumFractionDigits: 1 });
    const form = new Intl.PluralRules(speak.lang).select(b.counted) === 'one' ? 'one' : 'other';
    const vendorName = (id: string) => this.vendors?.find((v) => v.vendor === id)?.name ?? id;
    return html`
      <h3 id="breaches-title">${words.title}</h3>
      <p data-breaches="summary">${b.counted === 0 ? words.none : fill(words.summary[form], { breached: number.format(b.breached), counted: number.format(b.counted) })}</p>
      ${b.counted === 0 ? nothing : html`
        ${this.#table('category', words.byCategory, words.colCategory, b.byCategory.map((c) => ({ key: c.category, name: categoryWord(speak, this.names, c.category), ...c })), words, number)}
        ${this.#table('team', words.byTeam, words.colTeam, b.byTeam.map((c) => ({ key: c.team, name: teamWord(speak, this.names, c.team), ...c })), words, number)}
        ${b.byVendor.length === 0 ? html`<p class="muted" data-breaches="no-vendors">${words.noVendors}</p>`
          : this.#table('vendor', words.byVendor, words.colVendor, b.byVendor.map((c) => ({ key: c.vendor, name: vendorName(c.vendor), ...c })), words, number)}`}`;
  }

  #table(by: string, caption: string, first: string, rows: Row[], words: BreachWords, number: Intl.NumberFormat) {
    const { t } = this.speak!;
    return html`
      <table data-breaches=${by}>
        <caption>${caption}</caption>
        <thead><tr><th scope="col">${first}</th><th scope="col">${words.colCounted}</th><th scope="col">${words.colBreached}</th>
          <th scope="col">${words.colResponse}</th><th scope="col">${words.colResolution}</th><th scope="col">${words.colShare}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr data-key=${r.key}><th scope="row">${r.name}</th><td>${number.format(r.counted)}</td><td>${number.format(r.breached)}</td>
          <td>${number.format(r.response)}</td><td>${number.format(r.resolution)}</td>
          <td>${r.percent === null ? '—' : t('dash.kpiPercent', { percent: number.format(r.percent) })}</td></tr>`)}</tbody>
      </table>`;
  }
}

customElements.define('ds-breach-figures', DsBreachFigures);

declare global {
  interface HTMLElementTagNameMap { 'ds-breach-figures': DsBreachFigures }
}
