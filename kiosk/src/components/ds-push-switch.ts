import { css, html, nothing } from 'lit';
import type { MessageKey } from '../i18n/index.ts';
import { PushSwitch, PushUnavailable } from '../push/push-subscription.ts';
import { LocalizedElement } from './localized-element.ts';

/** The signed-in person's Web Push switch for this browser: on, it subscribes with the site's key; off, it unsubscribes. */
export class DsPushSwitch extends LocalizedElement {
  static override properties = { on: { state: true }, busy: { state: true }, problem: { state: true } };
  declare on: boolean | undefined;
  declare busy: boolean;
  declare problem: MessageKey | null;
  readonly #push = new PushSwitch(new URL('./', location.href));

  static override styles = css`
    :host { display: block; }
    label { display: flex; gap: 10px; align-items: center; min-height: 48px; font-weight: 700; }
    input { width: 24px; height: 24px; flex: none; }
    p { margin: 0; font-size: 0.9rem; }
    .error { color: #a10000; font-weight: 700; }
  `;

  constructor() {
    super();
    this.busy = false;
    this.problem = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#push.available) { this.on = false; this.problem = 'push.unsupported'; return; }
    this.#push.isOn().then((on) => { this.on = on; }, () => { this.on = false; });
  }

  override render() {
    if (!this.speak || this.on === undefined) return nothing;
    const { t } = this.speak;
    return html`
      <label><input type="checkbox" role="switch" data-push .checked=${this.on} ?disabled=${this.busy || this.problem === 'push.unsupported'} @change=${this.#toggle}>${t('push.title')}</label>
      <p role="status" data-push-state>${this.problem ? html`<span class="error">${t(this.problem)}</span>` : t(this.on ? 'push.isOn' : 'push.isOff')}</p>`;
  }

  async #toggle(event: Event): Promise<void> {
    const wanted = (event.target as HTMLInputElement).checked;
    this.busy = true;
    this.problem = null;
    try {
      if (wanted) await this.#push.turnOn();
      else await this.#push.turnOff();
      this.on = wanted;
    } catch (error) {
      this.problem = error instanceof PushUnavailable ? `push.${error.reason}` : 'push.failed';
      (event.target as HTMLInputElement).checked = this.on ?? false;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-push-switch', DsPushSwitch);
