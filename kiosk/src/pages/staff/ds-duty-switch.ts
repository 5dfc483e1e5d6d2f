import { css, html, nothing } from 'lit';
import { DispatchApi } from '../../api/dispatch-api.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';

/** The signed-in person's on/off duty switch: off duty, nobody suggests them and nothing is dispatched to them. */
export class DsDutySwitch extends LocalizedElement {
  static override properties = { onDuty: { state: true }, busy: { state: true } };
  declare onDuty: boolean | undefined;
  declare busy: boolean;
  readonly #api = new DispatchApi(new URL('./', location.href));

  static override styles = [staffBase, css`
    label { display: flex; gap: 10px; align-items: center; min-height: 48px; font-weight: 700; }
    input { width: 24px; height: 24px; }
    p { margin: 0; font-size: 0.9rem; }
  `];

  constructor() {
    super();
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#api.duty().then((d) => { this.onDuty = d.onDuty; }, () => undefined);
  }

  override render() {
    if (!this.speak || this.onDuty === undefined) return nothing;
    const { t } = this.speak;
    return html`
      <label><input type="checkbox" role="switch" data-duty .checked=${this.onDuty} ?disabled=${this.busy} @change=${this.#toggle}>${t('dispatchSuggest.duty')}</label>
      <p role="status">${this.onDuty ? t('dispatchSuggest.dutyOn') : t('dispatchSuggest.dutyOff')}</p>`;
  }

  async #toggle(event: Event): Promise<void> {
    const wanted = (event.target as HTMLInputElement).checked;
    this.busy = true;
    try {
      this.onDuty = (await this.#api.setDuty(wanted)).onDuty;
    } catch {
      (event.target as HTMLInputElement).checked = this.onDuty ?? true;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-duty-switch', DsDutySwitch);

declare global {
  interface HTMLElementTagNameMap { 'ds-duty-switch': DsDutySwitch }
}
