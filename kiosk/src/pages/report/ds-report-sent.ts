import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { occupantLook } from './occupant-look.ts';
import { emit } from '../../components/emit.ts';

/** After a report went through: its number and the tracking link as a button; `report-another` starts over. */
export class DsReportSent extends LocalizedElement {
  static override properties = { ticket: {}, trackUrl: {} };
  declare ticket: string;
  declare trackUrl: string;

  static override styles = [occupantLook, css`
    section { display: grid; gap: 1rem; }
    h2 { font-size: 1.4rem; }
    .number { font-size: 1.3rem; font-weight: 800; }
    .button { width: 100%; font-size: 1.1rem; min-height: 56px; }
  `];

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const t = speak.t;
    return html`
      <section class="ok" role="status" data-sent=${this.ticket}>
        <h2>${t('report.sentTitle')}</h2>
        <p class="number">${t('report.sentTicket', { ticket: this.ticket })}</p>
        <a class="button primary" href=${this.trackUrl} data-track-link>${t('report.follow')}</a>
        <p class="hint">${t('report.followHint')}</p>
        <button type="button" @click=${() => emit(this, 'report-another')}>${t('report.another')}</button>
      </section>`;
  }
}

customElements.define('ds-report-sent', DsReportSent);

declare global {
  interface HTMLElementTagNameMap { 'ds-report-sent': DsReportSent }
}
