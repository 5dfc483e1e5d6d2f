import type { OccupantRoomView } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { statusLooks } from '../../components/status-look.ts';
import { occupantLook } from './occupant-look.ts';
import { paint } from '../../components/paint.ts';

/** The room's name, where it is and its status as a coloured badge with an icon, so the state reads without colour too. */
export class DsRoomHeader extends LocalizedElement {
  static override properties = { room: { attribute: false } };
  declare room: OccupantRoomView | undefined;

  static override styles = [occupantLook, css`
    header { display: grid; gap: 0.4rem; }
    h1 { font-size: 1.6rem; line-height: 1.2; }
    .badge { display: inline-flex; align-items: center; gap: 0.5rem; width: fit-content; max-width: 100%; padding: 0.35rem 0.8rem 0.35rem 0.5rem;
      border-radius: 999px; font-weight: 800; border: 2px solid currentColor; }
    svg { width: 26px; height: 26px; flex: none; }
  `];

  override render() {
    const { room, speak } = this;
    if (!room || !speak) return nothing;
    const look = statusLooks[room.status];
    return html`
      <header>
        <h1>${speak.name(room.name, room.names)}</h1>
        <p class="hint">${speak.t('report.where', { zone: speak.name(room.zone, room.zoneNames), floor: room.floor })}</p>
        <p class="badge" data-status=${room.status} ${paint({ background: look.background, color: look.foreground })}>
          <svg viewBox="0 0 100 100" aria-hidden="true">${look.icon}</svg>
          <span><span class="sr">${speak.t('report.status')}: </span>${speak.t(`status.${room.status}`)}</span>
        </p>
      </header>`;
  }
}

customElements.define('ds-room-header', DsRoomHeader);

declare global {
  interface HTMLElementTagNameMap { 'ds-room-header': DsRoomHeader }
}
