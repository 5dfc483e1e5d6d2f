import type { ReviewTicket } from '@doorside/edge/review-contracts';
import { css, html, nothing } from 'lit';
import type { MessageKey } from '../i18n/index.ts';
import { LocalizedElement } from './localized-element.ts';
import { serviceEvidence, timeSpent } from './service-evidence.ts';

/**
 * A finished service side by side before it is approved or rejected: what the occupant
 * reported (words and photos), what the worker left (completion note and photos), and the
 * time spent. Sizes follow the host's font size, so the panel and a phone both fit it.
 */
export class DsServiceReview extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, photoBase: { attribute: false } };
  declare ticket: ReviewTicket | undefined;
  /** The gateway's root: photos are read from `api/attachments/{id}` under it. */
  declare photoBase: URL | undefined;

  static override styles = css`
    :host { display: block; }
    .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0.75em; }
    section { border-left: 0.3em solid #555; padding-left: 0.6em; display: grid; gap: 0.4em; align-content: start; }
    section.after { border-color: #0d6b2f; }
    h4 { margin: 0; font-size: 0.9em; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
    p { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    .photos { display: flex; flex-wrap: wrap; gap: 0.4em; }
    img { width: 7em; height: 5.25em; object-fit: cover; border-radius: 0.3em; border: 1px solid #555; background: #eee; }
    .quiet { color: #444; font-style: italic; }
    .spent { font-weight: 700; }
  `;

  override render() {
    const { ticket, speak } = this;
    if (!ticket || !speak) return nothing;
    const t = speak.t;
    const evidence = serviceEvidence(ticket);
    return html`
      <div class="sides">
        <section class="before" data-side="before">
          <h4>${t('review.before')}</h4>
          <p>${evidence.description}</p>
          ${this.#photos('before', evidence.before, 'review.photoBefore')}
        </section>
        <section class="after" data-side="after">
          <h4>${t('review.after')}</h4>
          ${evidence.note ? html`<p>${evidence.note}</p>` : html`<p class="quiet">${t('review.noNote')}</p>`}
          ${this.#photos('after', evidence.after, 'review.photoAfter')}
          <p class="spent" data-spent>${timeSpent(speak, evidence.minutes)}</p>
        </section>
      </div>`;
  }

  #photos(side: string, photos: ReviewTicket['attachments'], alt: MessageKey) {
    const t = this.speak!.t;
    if (photos.length === 0) return html`<p class="quiet" data-photos=${side}>${t('review.noPhotos')}</p>`;
    const src = (a: ReviewTicket['attachments'][number]) => new URL(`api/attachments/${encodeURIComponent(a.id)}`, this.photoBase ?? new URL('/', location.href)).href;
    return html`<div class="photos" data-photos=${side}>
      ${photos.map((a, i) => html`<img src=${src(a)} alt=${t(alt, { n: i + 1, count: photos.length })} loading="lazy">`)}
    </div>`;
  }
}

customElements.define('ds-service-review', DsServiceReview);

declare global {
  interface HTMLElementTagNameMap { 'ds-service-review': DsServiceReview }
}
