import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { SyncLook } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';
import { durationWords } from './duration-words.ts';

/** How far the central server is behind this site, as the sync agent last reported. */
export class DsSyncPanel extends LocalizedElement {
  static override properties = { sync: { attribute: false }, failed: { type: Boolean }, now: { attribute: false } };
  declare sync: SyncLook | undefined;
  declare failed: boolean;
  declare now: Date;

  static override styles = [dashBase, css`
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 8px 0 0; }
    dt { font-weight: 700; }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    .link { font-weight: 800; }
    .down { color: #8a0010; }
  `];

  constructor() {
    super();
    this.failed = false;
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const look = this.sync;
    return html`
      ${this.failed ? html`<p class="error" role="alert">${t('dash.loadFailed')}</p>` : nothing}
      ${!look ? html`<p class="muted">${t('dash.loading')}</p>` : nothing}
      ${look?.kind === 'unavailable' ? html`<p data-sync="unavailable">${t('dash.syncUnavailable')}</p>` : nothing}
      ${look?.kind === 'not-connected' ? html`<p data-sync="not-connected">${t('dash.syncNotConnected')}</p>` : nothing}
      ${look?.kind === 'status' ? this.#status(look.status, look.agentGoneSince) : nothing}`;
  }

  #status(s: Extract<SyncLook, { kind: 'status' }>['status'], goneSince: string | null) {
    const { t, time, ago } = this.speak!;
    const when = (iso: string | null) => (iso ? `${time(iso, this.now)} (${ago(iso, this.now)})` : t('dash.never'));
    return html`
      <p class="link ${s.linkUp ? '' : 'down'}" data-sync=${s.linkUp ? 'up' : 'down'}>${s.linkUp ? t('dash.syncUp') : t('dash.syncDown')}</p>
      ${goneSince ? html`<p class="error" data-agent-gone>${t('centralLink.agentGone', { ago: ago(goneSince, this.now) })}</p>` : nothing}
      <p data-lag>${s.lagEvents === 0 ? t('dash.syncCaughtUp') : this.speak!.plural('dash.syncLagCount', s.lagEvents, { time: s.lagSeconds < 60 ? t('dash.seconds', { seconds: Math.round(s.lagSeconds) }) : durationWords(s.lagSeconds / 60, t) })}</p>
      <dl>
        <dt>${t('dash.syncLast')}</dt><dd>${when(s.lastSyncAt)}</dd>
        <dt>${t('dash.syncAttempt')}</dt><dd>${when(s.lastAttemptAt)}</dd>
        <dt>${t('dash.syncCursor')}</dt><dd>${t('dash.syncCursorValue', { central: s.centralCursor, head: s.gatewayHead })}</dd>
        <dt>${t('dash.syncLagEvents')}</dt><dd>${s.lagEvents}</dd>
        <dt>${t('dash.syncLagSeconds')}</dt><dd>${Math.round(s.lagSeconds)}</dd>
        ${s.lastError ? html`<dt>${t('dash.syncError')}</dt><dd class="error">${s.lastError}</dd>` : nothing}
      </dl>`;
  }
}

customElements.define('ds-sync-panel', DsSyncPanel);

declare global {
  interface HTMLElementTagNameMap { 'ds-sync-panel': DsSyncPanel }
}
