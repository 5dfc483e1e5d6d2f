import type { Rejection } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { type Names, reasonWords, whoIs } from './ticket-words.ts';

/**
 * Why a job came back: the reason, who sent it back and when, their notes and photos.
 * Shown on top of the ticket's card and detail until the job is done again.
 */
export class DsStaffRejectionNote extends LocalizedElement {
  static override properties = {
    rejection: { attribute: false }, category: {}, names: { attribute: false }, photoUrl: { attribute: false }, now: { type: Number }, compact: { type: Boolean },
  };
  declare rejection: Rejection | undefined;
  /** The ticket's category, whose rejection reasons carry their translations. */
  declare category: string;
  declare names: Names | undefined;
  declare photoUrl: ((id: string) => string) | undefined;
  declare now: number;
  declare compact: boolean;

  static override styles = [staffBase, css`
    section { background: #fff1e6; border: 2px solid #8a000c; border-left-width: 10px; border-radius: 10px; padding: 12px 14px; display: grid; gap: 6px; }
    .head { display: flex; gap: 8px; align-items: flex-start; font-weight: 800; font-size: 1.05rem; color: #8a000c; }
    svg { width: 22px; height: 22px; flex: none; margin-top: 1px; }
    .notes { white-space: pre-wrap; overflow-wrap: anywhere; }
    ul { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
    img { width: 96px; height: 96px; object-fit: cover; border-radius: 8px; border: 2px solid #111; display: block; }
    a { display: block; min-height: 48px; }
  `];

  constructor() {
    super();
    this.now = Date.now();
    this.compact = false;
    this.category = '';
  }

  override render() {
    const { rejection, names, speak } = this;
    if (!rejection || !names || !speak) return nothing;
    const { t } = speak;
    const photos = this.compact ? [] : rejection.photos;
    return html`
      <section data-rejection aria-label=${t('staff.rejectedTitle')}>
        <p class="head">
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>
          <span>${t('staff.rejectedReason', { reason: reasonWords(rejection.reason, this.category, names, speak) })}</span>
        </p>
        <p>${t('staff.rejectedBy', { who: whoIs(rejection.by, names, speak), time: speak.time(rejection.at, new Date(this.now)) })}</p>
        ${rejection.notes ? html`<p class="notes">${rejection.notes}</p>` : nothing}
        ${this.compact && rejection.photos.length > 0 ? html`<p class="muted">${t('staff.rejectionPhotoCount', { count: rejection.photos.length })}</p>` : nothing}
        ${photos.length > 0 && this.photoUrl ? html`
          <ul aria-label=${t('staff.rejectionPhotos')}>
            ${photos.map((id, i) => html`<li><a href=${this.photoUrl!(id)} target="_blank" rel="noopener">
              <img src=${this.photoUrl!(id)} alt=${t('staff.photoAlt', { n: i + 1, count: photos.length })} loading="lazy"></a></li>`)}
          </ul>` : nothing}
      </section>`;
  }
}

customElements.define('ds-staff-rejection-note', DsStaffRejectionNote);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-rejection-note': DsStaffRejectionNote }
}
