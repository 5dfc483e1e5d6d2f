import type { LoggedEvent, VerifyResult } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { AuditSearch } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';
import { emit } from '../../components/emit.ts';
import { type People, personName } from '../../components/person-name.ts';

const fields = ['q', 'room', 'ticket', 'actor', 'type'] as const;

/** The audit trail with search, and whether its hash chain holds. Fires `audit-search` (detail: the search) and `verify`. */
export class DsAuditTrail extends LocalizedElement {
  static override properties = {
    events: { attribute: false }, failed: { type: Boolean }, search: { attribute: false }, verify: { attribute: false },
    exportUrl: {}, now: { attribute: false }, people: { attribute: false },
  };
  declare events: LoggedEvent[] | undefined;
  declare failed: boolean;
  declare search: AuditSearch;
  declare verify: VerifyResult | undefined;
  declare exportUrl: string;
  declare now: Date;
  declare people: People;

  static override styles = [dashBase, css`
    .chain { padding: 10px 12px; border-radius: 8px; border: 2px solid #0b5d2a; background: #eef8f1; margin-bottom: 12px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .chain.broken { border-color: #a4000f; background: #fff0f0; }
    .chain p { flex: 1 1 240px; font-weight: 700; }
    form { margin-bottom: 12px; }
    form input { width: 100%; }
    form label { flex: 1 1 140px; }
    .list { max-height: 480px; overflow: auto; border: 1px solid #c8c8c8; border-radius: 8px; }
    td.seq { font-variant-numeric: tabular-nums; }
  `];

  constructor() {
    super();
    this.failed = false;
    this.search = {};
    this.exportUrl = '';
    this.now = new Date();
    this.people = new Map();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const labels = { q: t('dash.auditText'), room: t('dash.colRoom'), ticket: t('dash.colTicket'), actor: t('dash.auditActor'), type: t('dash.auditType') };
    return html`
      ${this.#chain()}
      <form class="row" role="search" aria-label=${t('dash.auditSearch')} @submit=${this.#submit}>
        ${fields.map((name) => html`<label>${labels[name]}<input name=${name} .value=${this.search[name] ?? ''} maxlength="100"></label>`)}
        <button class="primary" type="submit">${t('dash.search')}</button>
        <a class="button" href=${this.exportUrl} download data-export="audit">${t('dash.exportAudit')}</a>
      </form>
      ${this.failed ? html`<p class="error" role="alert">${t('dash.loadFailed')}</p>` : nothing}
      ${this.events ? this.#table(this.events) : html`<p class="muted">${t('dash.loading')}</p>`}`;
  }

  #chain() {
    const { t } = this.speak!;
    const v = this.verify;
    const again = html`<button @click=${() => emit(this, 'verify')}>${t('dash.verifyAgain')}</button>`;
    if (!v) return html`<div class="chain"><p>${t('dash.verifying')}</p>${again}</div>`;
    return html`
      <div class="chain ${v.ok ? '' : 'broken'}" role="status" data-chain=${v.ok ? 'ok' : 'broken'}>
        <p>${v.ok ? t('dash.chainOk', { checked: v.checked, head: v.head?.seq ?? 0 }) : t('dash.chainBroken', { seq: v.firstBadSeq ?? '?', problem: v.problem ?? '' })}</p>
        ${again}
      </div>`;
  }

  #table(events: LoggedEvent[]) {
    const { t, time } = this.speak!;
    return html`
      <p class="muted" role="status">${this.speak!.plural('dash.auditFound', events.length)}</p>
      <div class="list" tabindex="0" role="region" aria-label=${t('dash.audit')}><table>
        <caption class="sr-only">${t('dash.audit')}</caption>
        <thead><tr><th scope="col">#</th><th scope="col">${t('dash.auditAt')}</th><th scope="col">${t('dash.auditActor')}</th>
          <th scope="col">${t('dash.auditType')}</th><th scope="col">${t('dash.auditEntity')}</th></tr></thead>
        <tbody>${events.map((e) => html`
          <tr data-seq=${e.seq}><td class="seq">${e.seq}</td><td>${time(e.at, this.now)}</td><td>${personName(this.people, e.actor)}</td><td>${e.type}</td><td>${e.entity}</td></tr>`)}
        </tbody>
      </table></div>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const search: AuditSearch = {};
    for (const name of fields) {
      const value = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      if (value) search[name] = value;
    }
    emit(this, 'audit-search', search);
  }
}

customElements.define('ds-audit-trail', DsAuditTrail);

declare global {
  interface HTMLElementTagNameMap { 'ds-audit-trail': DsAuditTrail }
}
