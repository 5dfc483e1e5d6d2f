import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { AuditQuery, SiteEventsAnswer, SiteOverview } from './central-api.ts';
import { centralStyles } from './central-styles.ts';
import { emit } from '../../components/emit.ts';

/** One site's audit trail, newest first, with search. Fires `audit-search` with `detail.{site, query}`. */
export class DsAuditTrail extends LocalizedElement {
  static override properties = {
    sites: { attribute: false }, site: {}, query: { attribute: false }, answer: { attribute: false },
  };
  declare sites: SiteOverview[];
  declare site: string;
  declare query: AuditQuery;
  declare answer: SiteEventsAnswer | null;

  static override styles = [centralStyles, css`
    form { margin-bottom: 1rem; }
    td.seq { font-variant-numeric: tabular-nums; }
    code { font-size: 0.85rem; word-break: break-all; }
    .more { margin-top: 0.75rem; }
  `];

  constructor() {
    super();
    this.sites = [];
    this.site = '';
    this.query = {};
    this.answer = null;
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const t = speak.t;
    const events = this.answer?.events ?? [];
    const oldest = events[events.length - 1]?.seq;
    return html`
      <form class="filters card" role="search" aria-label=${t('central.search')} @submit=${this.#search}>
        <label>${t('central.site')}<select name="site">${this.sites.map((s) => html`<option value=${s.site} ?selected=${s.site === this.site}>${s.name}</option>`)}</select></label>
        <label>${t('central.type')}<input name="type" .value=${this.query.type ?? ''} maxlength="60" placeholder="ticket-rejected"></label>
        <label>${t('central.entity')}<input name="entity" .value=${this.query.entity ?? ''} maxlength="120" placeholder="ticket:T-1001"></label>
        <label>${t('central.actor')}<input name="actor" .value=${this.query.actor ?? ''} maxlength="120" placeholder="user:sofia"></label>
        <button class="primary" type="submit">${t('central.search')}</button>
      </form>
      <div class="scroll card">
        <table>
          <caption class="muted">${this.answer ? t('central.chainAt', { seq: this.answer.cursor.seq }) : ''}</caption>
          <thead><tr>
            <th scope="col">${t('central.seq')}</th><th scope="col">${t('central.at')}</th><th scope="col">${t('central.actor')}</th>
            <th scope="col">${t('central.type')}</th><th scope="col">${t('central.entity')}</th><th scope="col">${t('central.hash')}</th>
          </tr></thead>
          <tbody>${events.map((e) => html`
            <tr data-seq=${e.seq}>
              <td class="seq">${e.seq}</td><td>${speak.time(e.at, new Date())}</td><td>${e.actor}</td><td>${e.type}</td><td>${e.entity}</td>
              <td><code title=${e.hash}>${e.hash.slice(0, 12)}…</code></td>
            </tr>`)}
          </tbody>
        </table>
        ${events.length === 0 ? html`<p>${t('central.noEvents')}</p>` : ''}
        ${oldest !== undefined && oldest > 1 && events.length >= 50
          ? html`<button class="more" type="button" @click=${() => this.#emit(this.site, { ...this.query, before: oldest })}>${t('central.older')}</button>` : ''}
      </div>`;
  }

  #search(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const query: AuditQuery = {};
    for (const key of ['type', 'entity', 'actor'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value) query[key] = value;
    }
    this.#emit(String(data.get('site') ?? this.site), query);
  }

  #emit(site: string, query: AuditQuery): void {
    emit(this, 'audit-search', { site, query });
  }
}

customElements.define('ds-audit-trail', DsAuditTrail);
