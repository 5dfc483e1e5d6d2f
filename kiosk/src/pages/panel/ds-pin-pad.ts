import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { emit } from '../../components/emit.ts';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A large numeric keypad; fires `pin-entered` with `detail.pin` when Sign in is pressed. */
export class DsPinPad extends LocalizedElement {
  static override properties = { error: {}, busy: { type: Boolean }, pin: { state: true } };
  declare error: string;
  declare busy: boolean;
  declare pin: string;

  static override styles = css`
    :host { display: block; }
    form { display: grid; gap: 2.5vmin; max-width: 70vmin; margin: 0 auto; }
    output { display: block; min-height: 9vmin; font-size: 8vmin; letter-spacing: 2vmin; text-align: center; border-bottom: 0.5vmin solid #111; }
    .keys { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2vmin; }
    button { min-height: 13vmin; font: inherit; font-size: 6vmin; font-weight: 700; border: 0.4vmin solid #111; border-radius: 2vmin; background: #f2f2f2; color: #111; }
    button:active { background: #ccc; }
    button.go { background: #0b4f9c; color: #fff; border-color: #0b4f9c; }
    button[disabled] { opacity: 0.6; }
    .error { margin: 0; font-size: 4.2vmin; font-weight: 700; color: #a10000; }
  `;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
    this.pin = '';
  }

  override render() {
    const t = this.speak?.t ?? ((key: string) => key);
    return html`
      <form @submit=${this.#submit} @keydown=${this.#key}>
        <label id="pin-label" for="pin">${t('panel.enterPin')}</label>
        <output id="pin" aria-labelledby="pin-label" aria-live="polite" data-pin>${'•'.repeat(this.pin.length)}</output>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="keys">
          ${digits.map((d) => html`<button type="button" data-digit=${d} @click=${() => this.#press(d)}>${d}</button>`)}
          <button type="button" @click=${() => { this.pin = ''; }}>${t('panel.clear')}</button>
          <button type="button" data-digit="0" @click=${() => this.#press('0')}>0</button>
          <button type="button" aria-label=${t('panel.backspace')} @click=${() => { this.pin = this.pin.slice(0, -1); }}>⌫</button>
        </div>
        <button class="go" type="submit" ?disabled=${this.busy || this.pin.length < 4}>${this.busy ? t('panel.working') : t('panel.signIn')}</button>
      </form>`;
  }

  #press(digit: string): void {
    if (this.pin.length < 12) this.pin += digit;
  }

  #key(event: KeyboardEvent): void {
    if (/^\d$/.test(event.key)) this.#press(event.key);
    else if (event.key === 'Backspace') this.pin = this.pin.slice(0, -1);
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (this.busy || this.pin.length < 4) return;
    const pin = this.pin;
    this.pin = '';
    emit(this, 'pin-entered', { pin });
  }
}

customElements.define('ds-pin-pad', DsPinPad);

declare global {
  interface HTMLElementTagNameMap { 'ds-pin-pad': DsPinPad }
}
