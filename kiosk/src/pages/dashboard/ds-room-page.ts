import type { HoldCause, HoldClear, Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { paint } from '../../components/paint.ts';
import { statusLooks } from '../../components/status-look.ts';
import type { RoomView } from './dashboard-api.ts';
import { dashBase } from './dashboard-styles.ts';

/**
 * One room: its status, what holds it and what clears it, as the gateway's codes say, and
 * — when the gateway offers it — setting it back to available with a reason.
 * Fires `set-available` (detail: `{room, reason}`).
 */
export class DsRoomPage extends LocalizedElement {
  static override properties = {
    room: { attribute: false }, view: { attribute: false }, now: { attribute: false },
    busy: { type: Boolean }, error: {}, notice: {},
  };
  declare room: Room;
  declare view: RoomView | undefined;
  declare now: Date;
  declare busy: boolean;
  declare error: string;
  declare notice: string;

  static override styles = [dashBase, css`
    :host { display: grid; gap: 16px; }
    .status { display: grid; gap: 6px; padding: 14px 16px; border-radius: 10px; border: 3px solid #111; }
    .word { font-weight: 900; text-transform: uppercase; font-size: 1.2rem; }
    ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 6px; }
    form { display: grid; gap: 10px; max-width: 560px; padding: 14px; border: 2px solid #0b3d91; border-radius: 10px; }
    textarea { font: inherit; min-height: 70px; padding: 8px; border: 2px solid #1d1d1d; border-radius: 8px; }
    .notice { color: #0b5d2a; font-weight: 700; }
  `];

  constructor() {
    super();
    this.now = new Date();
    this.busy = false;
    this.error = '';
    this.notice = '';
  }

  override render() {
    if (!this.speak || !this.room) return nothing;
    const { t, time, ago } = this.speak;
    const room = this.room;
    const look = statusLooks[room.status];
    const hold = this.view?.hold;
    return html`
      <div class="status" data-room-status=${room.status} ${paint({ background: look.background, color: look.foreground })}>
        <span>${t('dash.shell.roomStatus')}</span>
        <span class="word">${t(`status.${room.status}`)}</span>
        ${room.reason ? html`<span>${this.speak.phrase(room.reasonPhrase, room.reason)}</span>` : nothing}
        <span>${t('dash.since', { time: time(room.since, this.now), ago: ago(room.since, this.now) })}</span>
      </div>
      <section aria-labelledby="holds-title" data-hold=${hold ? (hold.held ? 'held' : 'free') : 'loading'}>
        <h3 id="holds-title">${t('dash.shell.holds')}</h3>
        ${!hold ? html`<p class="muted">${t('dash.loading')}</p>`
          : hold.held ? html`<ul>${hold.causes.map((c) => html`<li data-cause=${c.code} data-ticket=${c.ticket ?? ''}>${this.#cause(c)}</li>`)}</ul>`
          : html`<p>${t('dash.shell.nothingHolds')}</p>`}
      </section>
      ${hold?.held ? html`<section aria-labelledby="clears-title">
        <h3 id="clears-title">${t('dash.shell.clears')}</h3>
        <ul>${hold.clears.map((c) => html`<li data-clear=${c.code}>${this.#clear(c)}</li>`)}</ul>
      </section>` : nothing}
      ${this.view?.actions?.includes('set-available') ? this.#setAvailable() : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}`;
  }

  #cause(cause: HoldCause): string {
    const { t } = this.speak!;
    const { category, status, priority, parent } = cause.params;
    return t(`dash.hold.${cause.code}`, {
      ticket: cause.ticket ?? '', category: category ?? '', parent: parent ?? '',
      status: status ? t(`status.${status}`) : '', priority: priority ? t(`dash.priority.${priority}`) : '',
    });
  }

  #clear(clear: HoldClear): string {
    return this.speak!.t(`dash.clear.${clear.code}`, { ticket: clear.ticket ?? '' });
  }

  #setAvailable() {
    const { t } = this.speak!;
    return html`
      <form aria-labelledby="set-title" data-set-available @submit=${this.#submit}>
        <h3 id="set-title">${t('dash.shell.setAvailableTitle')}</h3>
        <label>${t('dash.shell.reason')}<textarea name="reason" required maxlength="500"></textarea></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('dash.shell.setAvailable')}</button></div>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const reason = (event.target as HTMLFormElement).querySelector('textarea')!.value.trim();
    if (reason) emit(this, 'set-available', { room: this.room.id, reason });
  }
}

customElements.define('ds-room-page', DsRoomPage);

declare global {
  interface HTMLElementTagNameMap { 'ds-room-page': DsRoomPage }
}
