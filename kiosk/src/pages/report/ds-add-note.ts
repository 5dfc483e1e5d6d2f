import { visibleTrim } from '@doorside/edge/occupant-contracts';
import type { OccupantTicket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { type PreparedPhoto, releasePhoto } from '../../photos/resize-photo.ts';
import './ds-photo-picker.ts';
import { occupantLook } from './occupant-look.ts';
import { emit } from '../../components/emit.ts';

export interface NoteInput { ticket: string; text: string; photos: PreparedPhoto[] }

/**
 * Adding what one sees to a report already open for the room: a short note and one photo.
 * Keeps what was typed through a failed send; `send-note` (detail: NoteInput) asks the owner to send it.
 */
export class DsAddNote extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, sending: { attribute: false }, failure: {},
    text: { state: true }, photos: { state: true }, empty: { state: true },
  };
  declare ticket: OccupantTicket | undefined;
  declare sending: number | null;
  declare failure: string;
  declare text: string;
  declare photos: PreparedPhoto[];
  declare empty: boolean;

  static override styles = [occupantLook, css`
    form { display: grid; gap: 1rem; }
    textarea { min-height: 5.5rem; resize: vertical; }
    .send { width: 100%; }
  `];

  constructor() {
    super();
    this.sending = null;
    this.failure = '';
    this.text = '';
    this.photos = [];
    this.empty = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.photos.forEach(releasePhoto);
  }

  override render() {
    const { speak, ticket } = this;
    if (!speak || !ticket) return nothing;
    const t = speak.t;
    const busy = this.sending !== null;
    return html`
      <form novalidate @submit=${this.#submit} data-add-note=${ticket.id}>
        <label class="field">${t('report.noteLabel')}
          <textarea name="note" maxlength="1000" rows="3" .value=${this.text} ?disabled=${busy}
            @input=${(e: Event) => { this.text = (e.target as HTMLTextAreaElement).value; this.empty = false; }}></textarea>
          ${this.empty ? html`<span class="error" role="alert">${t('report.noteEmpty')}</span>` : nothing}
        </label>
        <ds-photo-picker .photos=${this.photos} .max=${1} .label=${t('report.photoOne')} ?disabled=${busy}
          @photos-add=${(e: CustomEvent<PreparedPhoto[]>) => { this.photos = e.detail.slice(0, 1); }}
          @photo-remove=${() => { this.photos.forEach(releasePhoto); this.photos = []; }}></ds-photo-picker>
        ${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
        <button class="primary send" type="submit" ?disabled=${busy}>
          ${busy ? t('report.sending', { percent: this.sending ?? 0 }) : t('report.noteSend', { ticket: ticket.id })}
        </button>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (this.sending !== null || !this.ticket) return;
    this.empty = visibleTrim(this.text) === '';
    if (this.empty) return;
    const detail: NoteInput = { ticket: this.ticket.id, text: this.text, photos: this.photos };
    emit(this, 'send-note', detail);
  }
}

customElements.define('ds-add-note', DsAddNote);

declare global {
  interface HTMLElementTagNameMap { 'ds-add-note': DsAddNote }
}
