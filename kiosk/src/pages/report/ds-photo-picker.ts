import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { PhotoUnreadable, type PreparedPhoto, preparePhoto } from '../../photos/resize-photo.ts';
import { occupantLook } from './occupant-look.ts';
import { emit } from '../../components/emit.ts';

/**
 * Up to `max` photos with thumbnails. Each chosen file is shrunk and stripped on the phone
 * (preparePhoto) before the owner hears of it: `photos-add` (detail: PreparedPhoto[]) and
 * `photo-remove` (detail: index); the owner keeps the list.
 */
export class DsPhotoPicker extends LocalizedElement {
  static override properties = {
    photos: { attribute: false }, max: { type: Number }, label: {}, disabled: { type: Boolean },
    preparing: { state: true }, problem: { state: true },
  };
  declare photos: PreparedPhoto[];
  declare max: number;
  declare label: string;
  declare disabled: boolean;
  declare preparing: boolean;
  declare problem: boolean;

  static override styles = [occupantLook, css`
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.5rem; min-width: 0; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.35rem; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6rem; }
    li { position: relative; }
    img { display: block; width: 96px; height: 96px; object-fit: cover; border-radius: 0.5rem; border: 2px solid #555; }
    li button { position: absolute; top: -10px; right: -10px; min-height: 44px; min-width: 44px; padding: 0; border-radius: 999px; font-size: 1.2rem; }
    .add { position: relative; display: inline-flex; align-items: center; gap: 0.5rem; min-height: 48px; padding: 0.6rem 1.1rem;
      border: 2px dashed #1d1d1d; border-radius: 0.6rem; font-weight: 700; cursor: pointer; width: fit-content; max-width: 100%; }
    .add:focus-within { outline: 3px solid #0b4f9c; outline-offset: 2px; }
    .add input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
    svg { width: 24px; height: 24px; flex: none; }
  `];

  constructor() {
    super();
    this.photos = [];
    this.max = 3;
    this.label = '';
    this.disabled = false;
    this.preparing = false;
    this.problem = false;
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const t = speak.t;
    return html`
      <fieldset>
        <legend>${this.label}</legend>
        ${this.photos.length ? html`<ul>${this.photos.map((photo, i) => html`
          <li data-photo=${i}>
            <img src=${photo.url} alt=${t('report.photoAlt', { n: i + 1 })} width="96" height="96">
            <button type="button" aria-label=${t('report.removePhoto', { n: i + 1 })} ?disabled=${this.disabled}
              @click=${() => this.#fire('photo-remove', i)}>×</button>
          </li>`)}</ul>` : nothing}
        ${this.photos.length < this.max && !this.disabled ? html`
          <label class="add">
            <svg viewBox="0 0 24 24" aria-hidden="true"><g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
              <path d="M4 8h3l2-3h6l2 3h3v11H4z"/><circle cx="12" cy="13" r="3.5"/></g></svg>
            <span>${t('report.addPhoto')}</span>
            <input type="file" accept="image/*" ?multiple=${this.max - this.photos.length > 1} @change=${this.#chosen}>
          </label>` : nothing}
        ${this.preparing ? html`<p class="hint" role="status">${t('report.preparingPhoto')}</p>` : nothing}
        ${this.problem ? html`<p class="error" role="alert">${t('report.photoUnreadable')}</p>` : nothing}
        <p class="hint">${t('report.photoPrivacy')}</p>
      </fieldset>`;
  }

  async #chosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])].slice(0, Math.max(0, this.max - this.photos.length));
    input.value = '';
    if (files.length === 0) return;
    this.preparing = true;
    this.problem = false;
    const prepared: PreparedPhoto[] = [];
    for (const file of files) {
      try {
        prepared.push(await preparePhoto(file));
      } catch (error) {
        if (!(error instanceof PhotoUnreadable)) throw error;
        this.problem = true;
      }
    }
    this.preparing = false;
    if (prepared.length) this.#fire('photos-add', prepared);
  }

  #fire(name: 'photos-add' | 'photo-remove', detail: PreparedPhoto[] | number): void {
    emit(this, name, detail);
  }
}

customElements.define('ds-photo-picker', DsPhotoPicker);

declare global {
  interface HTMLElementTagNameMap { 'ds-photo-picker': DsPhotoPicker }
}
