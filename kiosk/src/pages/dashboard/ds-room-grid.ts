import type { Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { statusLooks } from '../../components/status-look.ts';
import { dashBase } from './dashboard-styles.ts';
import { hashOf } from './dashboard-route.ts';
import { paint } from '../../components/paint.ts';

/**
 * The building's rooms by floor, each tile in its status colour with the status word, the
 * reason and how long it has been so. Each tile links to the room's page (`#room/{id}`).
 */
export class DsRoomGrid extends LocalizedElement {
  static override properties = { rooms: { attribute: false }, now: { attribute: false } };
  declare rooms: Room[];
  declare now: Date;

  static override styles = [dashBase, css`
    .floors { display: grid; gap: 16px; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(min(190px, 100%), 1fr)); }
    .tile { width: 100%; height: 100%; min-height: 120px; display: grid; gap: 4px; align-content: start; text-align: left;
      padding: 10px 12px; border-radius: 10px; border: 3px solid #111; font-weight: 400; text-decoration: none; }
    .band { height: 8px; border-radius: 4px; margin: -2px 0 4px; border: 1px solid currentColor; }
    .name { font-weight: 800; font-size: 1.05rem; }
    .word { font-weight: 900; text-transform: uppercase; letter-spacing: 0.02em; display: flex; gap: 6px; align-items: center; }
    .word svg { width: 1.2em; height: 1.2em; flex: none; }
    .reason, .since { font-size: 0.9rem; }
  `];

  constructor() {
    super();
    this.rooms = [];
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const floors = [...new Set(this.rooms.map((r) => r.floor))].sort((a, b) => a - b);
    return html`<div class="floors">${floors.map((floor) => html`
      <section aria-labelledby="floor-${floor}">
        <h3 id="floor-${floor}">${this.speak!.t('dash.floor', { floor })}</h3>
        <ul>${this.rooms.filter((r) => r.floor === floor).map((room) => html`<li>${this.#tile(room)}</li>`)}</ul>
      </section>`)}</div>`;
  }

  #tile(room: Room) {
    const { t, time, ago } = this.speak!;
    const look = statusLooks[room.status];
    return html`
      <a class="tile status-${room.status}" href=${hashOf({ section: 'room', room: room.id })} data-room=${room.id} data-status=${room.status}
        ${paint({ background: look.background, color: look.foreground })}>
        <span class="band" ${paint({ background: look.band })} aria-hidden="true"></span>
        <span class="name">${this.speak!.name(room.name, room.names)}</span>
        <span class="muted-id">${room.id} · ${this.speak!.name(room.zone, room.zoneNames)}</span>
        <span class="word"><svg viewBox="0 0 100 100" aria-hidden="true">${look.icon}</svg>${t(`status.${room.status}`)}</span>
        ${room.reason ? html`<span class="reason">${this.speak!.phrase(room.reasonPhrase, room.reason)}</span>` : nothing}
        <span class="since">${t('dash.since', { time: time(room.since, this.now), ago: ago(room.since, this.now) })}</span>
      </a>`;
  }
}

customElements.define('ds-room-grid', DsRoomGrid);

declare global {
  interface HTMLElementTagNameMap { 'ds-room-grid': DsRoomGrid }
}
