import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { AlertView, ArchivedEventsAnswer, SiteOverview } from './central-api.ts';
import { alertWords } from './alert-words.ts';
import './ds-set-aside.ts';
import { centralStyles } from './central-styles.ts';
import { emit } from '../../components/emit.ts';

/** Every visible site: sync lag, device health, alerts, what a restore set aside. Fires `open-audit` with `detail.site`. */
export class DsSiteList extends LocalizedElement {
  static override properties = { sites: { attribute: false }, alerts: { attribute: false }, setAside: { attribute: false }, now: {} };
  declare sites: SiteOverview[];
  declare alerts: AlertView[];
  declare setAside: Record<string, ArchivedEventsAnswer>;
  declare now: string;

  static override styles = [centralStyles, css`
    ul.sites { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.35rem 1rem; margin: 0.75rem 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .alerts { margin: 0.5rem 0 0; padding-left: 1.2rem; }
  `];

  constructor() {
    super();
    this.sites = [];
    this.alerts = [];
    this.setAside = {};
    this.now = new Date().toISOString();
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const t = speak.t;
    if (this.sites.length === 0) return html`<p>${t('central.noSites')}</p>`;
    return html`<ul class="sites">${this.sites.map((s) => this.#site(s, speak))}</ul>`;
  }

  #site(s: SiteOverview, speak: Translator) {
    const t = speak.t;
    const now = new Date(this.now);
    const lagEvents = Math.max(s.lag.events, s.lag.agent?.lagEvents ?? 0);
    const alerts = this.alerts.filter((a) => a.site === s.site);
    return html`
      <li class="card" data-site=${s.site}>
        <h3>${s.name} <span class="muted">(${s.site})</span></h3>
        <dl>
          <dt>${t('central.events')}</dt><dd data-cursor>${s.cursor.seq}</dd>
          <dt>${t('centralLink.title')}</dt>
          <dd data-link=${s.link.up ? 'up' : 'down'} class=${s.link.up ? 'good' : 'bad'}>${s.link.up ? t('centralLink.up')
            : s.link.lastSeenAt ? t('centralLink.downSince', { ago: speak.ago(s.link.lastSeenAt, now) }) : t('centralLink.neverSeen')}</dd>
          <dt>${t('central.lag')}</dt>
          <dd data-lag class=${lagEvents > 0 ? 'bad' : 'good'}>${lagEvents > 0 ? speak.plural('central.lagCount', lagEvents) : t('central.caughtUp')}</dd>
          <dt>${t('central.lastBatchTitle')}</dt>
          <dd>${s.lastBatchAt ? t('central.lastBatch', { ago: speak.ago(s.lastBatchAt, now), seconds: s.lag.secondsSinceBatch ?? 0 }) : t('central.neverSynced')}</dd>
          <dt>${t('central.devices')}</dt>
          <dd data-devices>${t('central.devicesHealth', { total: s.devices.total, offline: s.devices.offline, revoked: s.devices.revoked })}
            ${s.devices.openAlerts > 0 ? html`<span class="bad">${speak.plural('central.deviceAlertCount', s.devices.openAlerts)}</span>` : ''}</dd>
          <dt>${t('central.alerts')}</dt>
          <dd data-alerts class=${s.alerts > 0 ? 'bad' : ''}>${s.alerts > 0 ? speak.plural('central.alerts', s.alerts) : t('central.noAlerts')}</dd>
        </dl>
        ${alerts.length ? html`<ul class="alerts">${alerts.slice(0, 3).map((a) => html`<li data-alert=${a.code ?? a.kind}>${alertWords(speak, a)}</li>`)}</ul>` : ''}
        <ds-set-aside .aside=${this.setAside[s.site]}></ds-set-aside>
        <button type="button" @click=${() => this.#audit(s.site)}>${t('central.openAudit')}</button>
      </li>`;
  }

  #audit(site: string): void {
    emit(this, 'open-audit', { site });
  }
}

customElements.define('ds-site-list', DsSiteList);
