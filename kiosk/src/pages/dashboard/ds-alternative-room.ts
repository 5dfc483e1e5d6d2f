import type { Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';

/**
 * Picks the room a sign sends people to while this room is out of use: another room of the
 * site, or none. Fires `set-alternative` (detail: `{room, alternative}`, `alternative` null to clear).
 */
export class DsAlternativeRoom extends LocalizedElement {
  static override properties = { room: { attribute: false }, rooms: { attribute: false }, busy: { type: Boolean } };
  declare room: Room;
  declare rooms: readonly Room[];
  declare busy: boolean;

  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; max-width: 560px; padding: 14px; border: 2px solid #0b3d91; border-radius: 10px; }
    select { font: inherit; padding: 8px; border: 2px solid #1d1d1d; border-radius: 8px; }
    label { display: grid; gap: 6px; }
  `];

  constructor() {
    super();
    this.rooms = [];
    this.busy = false;
  }

  override render() {
    if (!this.speak || !this.room) return nothing;
    const { t, name } = this.speak;
    const current = this.room.alternative?.id ?? '';
    const others = this.rooms.filter((r) => r.id !== this.room.id);
    return html`
      <form data-alternative @submit=${this.#submit}>
        <h3>${t('dash.alternative.title')}</h3>
        <label>${t('dash.alternative.title')}
          <select name="alternative" aria-describedby="alternative-hint">
            <option value="" ?selected=${current === ''}>${t('dash.alternative.none')}</option>
            ${others.map((r) => html`<option value=${r.id} ?selected=${r.id === current}>${t('dash.alternative.option', { room: name(r.name, r.names), floor: r.floor })}</option>`)}
          </select>
        </label>
        <p class="muted" id="alternative-hint">${t('dash.alternative.hint')}</p>
        <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('dash.alternative.save')}</button></div>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const value = (event.target as HTMLFormElement).querySelector('select')!.value;
    emit(this, 'set-alternative', { room: this.room.id, alternative: value === '' ? null : value });
  }
}

customElements.define('ds-alternative-room', DsAlternativeRoom);

declare global {
  interface HTMLElementTagNameMap { 'ds-alternative-room': DsAlternativeRoom }
}
