import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Connection } from '../../live/live-socket.ts';

/** A small mark in the header: live, connecting, or offline and reconnecting (then the lists may be old). */
export class DsStaffLinkMark extends LocalizedElement {
  static override properties = { connection: {} };
  declare connection: Connection;

  static override styles = css`
    :host { display: inline-block; min-width: 0; max-width: 100%; }
    /* In a narrow header a long word ("Offline, reconnecting…") is cut short; the full text stays for screen readers. */
    .label { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
    span { max-width: 100%; }
    span[role] { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border-radius: 999px; font-size: 0.9rem; font-weight: 700; white-space: nowrap; }
    svg { width: 14px; height: 14px; flex: none; }
    .live { color: #0b5d2a; border: 2px solid #0b5d2a; }
    .connecting { color: #333; border: 2px dashed #333; }
    .offline { color: #111; background: #ffd60a; border: 2px solid #111; }
  `;

  constructor() {
    super();
    this.connection = 'connecting';
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const label = { live: t('staff.live'), connecting: t('staff.connecting'), offline: t('staff.offline'), crowded: t('live.crowded.short') }[this.connection];
    const title = this.connection === 'crowded' ? t('live.crowded.page') : label;
    const icon = this.connection === 'live'
      ? html`<svg viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="4" fill="currentColor"/></svg>`
      : html`<svg viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M1 9L9 1" stroke="currentColor" stroke-width="1.5"/></svg>`;
    return html`<span role="status" class=${this.connection} data-connection=${this.connection} title=${title}>${icon}<span class="label">${label}</span></span>`;
  }
}

customElements.define('ds-staff-link-mark', DsStaffLinkMark);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-link-mark': DsStaffLinkMark }
}
