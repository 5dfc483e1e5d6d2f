import { css, html, LitElement } from 'lit';

/** A mark no one can miss: the sign is not connected, so what it shows may be old. */
export class DsOfflineMark extends LitElement {
  static override properties = { label: {}, hint: {} };
  declare label: string;
  declare hint: string;

  static override styles = css`
    :host { display: block; }
    .mark {
      display: flex; align-items: center; gap: 3vmin; padding: 2vmin 3vmin;
      background: #000; color: #fff; border: 0.8vmin dashed #fff; outline: 0.8vmin solid #000;
      font-size: 4vmin; font-weight: 800;
    }
    svg { width: 7vmin; height: 7vmin; flex: none; }
    .hint { font-weight: 500; font-size: 3.2vmin; }
  `;

  constructor() {
    super();
    this.label = 'Offline';
    this.hint = '';
  }

  override render() {
    return html`
      <div class="mark" role="alert" data-offline>
        <svg viewBox="0 0 100 100" aria-hidden="true">
          <path d="M10 40a56 56 0 0180 0M24 56a36 36 0 0152 0M38 72a16 16 0 0124 0" fill="none" stroke="currentColor" stroke-width="9" stroke-linecap="round"/>
          <path d="M12 12l76 76" stroke="currentColor" stroke-width="11" stroke-linecap="round"/>
        </svg>
        <span><span class="label">${this.label}</span> <span class="hint">${this.hint}</span></span>
      </div>`;
  }
}

customElements.define('ds-offline-mark', DsOfflineMark);

declare global {
  interface HTMLElementTagNameMap { 'ds-offline-mark': DsOfflineMark }
}
