import { css, html, LitElement } from 'lit';
import type { RoomStatus } from '@doorside/edge/contracts';
import { statusLooks } from './status-look.ts';
import { paint } from './paint.ts';

export interface StatusWord { lang: string; text: string }

/**
 * A room status as a large word with its own colour, icon and border pattern, so it
 * reads from across a corridor and in greyscale. The first word is the main one; the
 * others are the same word in the site's other languages.
 */
export class DsStatusWord extends LitElement {
  static override properties = { status: {}, words: { attribute: false } };
  declare status: RoomStatus;
  declare words: StatusWord[];

  static override styles = css`
    :host { display: block; }
    .band { padding: 2.2vmin; border-radius: 3vmin; }
    .word {
      display: flex; align-items: center; gap: 4vmin; padding: 4vmin 5vmin;
      border-radius: 2vmin; border: 0.8vmin solid currentColor;
    }
    svg { width: 20vmin; height: 20vmin; flex: none; }
    .main { font-size: 11vmin; font-weight: 900; line-height: 1.05; letter-spacing: 0.01em; text-transform: uppercase; }
    .others { list-style: none; margin: 1.5vmin 0 0; padding: 0; font-size: 5vmin; font-weight: 700; }
  `;

  constructor() {
    super();
    this.status = 'available';
    this.words = [];
  }

  override render() {
    const look = statusLooks[this.status];
    const [main, ...others] = this.words;
    return html`
      <div class="band" ${paint({ background: look.band })}>
        <div class="word" role="status" data-status=${this.status} ${paint({ background: look.background, color: look.foreground })}>
          <svg viewBox="0 0 100 100" aria-hidden="true">${look.icon}</svg>
          <div>
            <div class="main" lang=${main?.lang ?? ''}>${main?.text}</div>
            ${others.length === 0 ? null : html`<ul class="others">${others.map((w) => html`<li lang=${w.lang}>${w.text}</li>`)}</ul>`}
          </div>
        </div>
      </div>`;
  }
}

customElements.define('ds-status-word', DsStatusWord);

declare global {
  interface HTMLElementTagNameMap { 'ds-status-word': DsStatusWord }
}
