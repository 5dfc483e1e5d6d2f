import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { DeviceCountsView, DeviceView } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';
import { emit } from '../../components/emit.ts';
import { deviceKindWord } from './site-words.ts';

/** The site's signs, panels and sensors: online or not, when last seen, their latest readings. Fires `refresh`. */
export class DsDeviceList extends LocalizedElement {
  static override properties = { devices: { attribute: false }, counts: { attribute: false }, failed: { type: Boolean }, now: { attribute: false } };
  declare devices: DeviceView[] | undefined;
  /** The gateway's figures for these devices; the page never counts for itself. */
  declare counts: DeviceCountsView | undefined;
  declare failed: boolean;
  declare now: Date;

  static override styles = [dashBase, css`
    .list { max-height: 420px; overflow: auto; border: 1px solid #c8c8c8; border-radius: 8px; }
    .state { display: inline-flex; gap: 6px; align-items: center; font-weight: 700; }
    .dot { width: 12px; height: 12px; border-radius: 50%; border: 2px solid #111; }
    .online .dot { background: #0b5d2a; }
    .offline .dot { background: #fff; }
    .summary { margin-bottom: 8px; }
  `];

  constructor() {
    super();
    this.failed = false;
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const devices = this.devices;
    const counts = this.counts;
    return html`
      <div class="row summary">
        ${devices && counts ? html`<p>${t('dash.devicesSummary', { online: counts.online, total: counts.total })}</p>` : html`<p class="muted">${t('dash.loading')}</p>`}
        <button @click=${() => emit(this, 'refresh')}>${t('dash.refresh')}</button>
      </div>
      ${this.failed ? html`<p class="error" role="alert">${t('dash.loadFailed')}</p>` : nothing}
      ${devices ? html`
        <div class="list" tabindex="0" role="region" aria-label=${t('dash.devices')}><table>
          <caption class="sr-only">${t('dash.devices')}</caption>
          <thead><tr><th scope="col">${t('dash.colDevice')}</th><th scope="col">${t('dash.colRoom')}</th><th scope="col">${t('dash.colState')}</th>
            <th scope="col">${t('dash.colLastSeen')}</th><th scope="col">${t('dash.colReadings')}</th></tr></thead>
          <tbody>${devices.map((d) => this.#row(d))}</tbody>
        </table></div>` : nothing}`;
  }

  #row(d: DeviceView) {
    const { t, time, ago } = this.speak!;
    const state = d.revoked ? 'revoked' : d.online ? 'online' : 'offline';
    return html`
      <tr data-device=${d.id} data-online=${d.online ? 'true' : 'false'}>
        <td>${d.id}<br><span class="muted" data-kind=${d.kind}>${deviceKindWord(this.speak!, d.kind)}</span></td>
        <td>${d.room}</td>
        <td><span class="state ${state}"><span class="dot" aria-hidden="true"></span>${t(`dash.device.${state}`)}</span></td>
        <td>${d.lastSeen ? html`${time(d.lastSeen, this.now)}<br><span class="muted">${ago(d.lastSeen, this.now)}</span>` : t('dash.neverSeen')}</td>
        <td>${d.readings.length === 0 ? '—' : d.readings.map((r) => html`<div>${r.sensor}: ${r.value}${r.unit ? ` ${r.unit}` : ''}</div>`)}</td>
      </tr>`;
  }
}

customElements.define('ds-device-list', DsDeviceList);

declare global {
  interface HTMLElementTagNameMap { 'ds-device-list': DsDeviceList }
}
