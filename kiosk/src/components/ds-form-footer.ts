import { html, LitElement, nothing } from 'lit';
import { emit } from './emit.ts';

/**
 * The end of a form: the error line, then cancel (when it has a label) and submit, which
 * shows its busy label and is disabled while the owner is sending. Fires `form-cancel`.
 *
 * It renders into its own children, not a shadow root: a submit button only submits a form
 * in the same tree, and the buttons take the styles of the form they close. It lays out as
 * if its children were the form's own (`display: contents`).
 */
export class DsFormFooter extends LitElement {
  static override properties = {
    submitLabel: {}, busyLabel: {}, cancelLabel: {}, submitClass: {}, errorClass: {}, error: {},
    busy: { type: Boolean }, cancelWhileBusy: { type: Boolean },
  };
  declare submitLabel: string;
  declare busyLabel: string;
  declare cancelLabel: string;
  declare submitClass: string;
  declare errorClass: string;
  declare error: string;
  declare busy: boolean;
  /** Whether cancel stays usable while sending; when false it is disabled with submit. */
  declare cancelWhileBusy: boolean;

  constructor() {
    super();
    this.submitLabel = '';
    this.busyLabel = '';
    this.cancelLabel = '';
    this.submitClass = 'primary';
    this.errorClass = 'error';
    this.error = '';
    this.busy = false;
    this.cancelWhileBusy = true;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.style.display = 'contents';
  }

  override render() {
    return html`
      ${this.error ? html`<p class=${this.errorClass} role="alert">${this.error}</p>` : nothing}
      <div class="row">
        ${this.cancelLabel ? html`<button type="button" ?disabled=${this.busy && !this.cancelWhileBusy}
          @click=${() => emit(this, 'form-cancel')}>${this.cancelLabel}</button>` : nothing}
        <button class=${this.submitClass} type="submit" ?disabled=${this.busy}>${this.busy ? this.busyLabel || this.submitLabel : this.submitLabel}</button>
      </div>`;
  }
}

customElements.define('ds-form-footer', DsFormFooter);

declare global {
  interface HTMLElementTagNameMap { 'ds-form-footer': DsFormFooter }
}
