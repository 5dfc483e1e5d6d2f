import { css, html, nothing } from 'lit';
import { LocalizedElement } from './localized-element.ts';
import { type AnnouncementWords, liveAt, nextExpiry, wordsFor } from './announcement-words.ts';

/**
 * The announcements live in a room, for the occupant's pages: each title and text in the
 * page's language or the first it was written in, and until when. The words are shown as
 * text, never as markup; each leaves the list at its expiry even before the page reads again.
 */
export class DsAnnouncementList extends LocalizedElement {
  static override properties = { announcements: { attribute: false }, now: { state: true } };
  declare announcements: AnnouncementWords[];
  declare now: Date;
  #expiry: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host { display: block; }
    section { border: 2px solid #0b4f9c; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; background: #f3f7fd; }
    h2 { margin: 0; font-size: 1.2rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
    h3 { margin: 0; font-size: 1.05rem; overflow-wrap: anywhere; }
    p { margin: 0.25rem 0 0; overflow-wrap: anywhere; white-space: pre-line; }
    .until { font-size: 0.9rem; color: #333; white-space: normal; }
  `;

  constructor() {
    super();
    this.announcements = [];
    this.now = new Date();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#expiry);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('announcements')) this.now = new Date();
  }

  override updated(): void {
    clearTimeout(this.#expiry);
    const at = nextExpiry(this.announcements, this.now);
    if (at !== undefined) this.#expiry = setTimeout(() => { this.now = new Date(); }, Math.min(at - Date.now() + 50, 2 ** 31 - 1));
  }

  override render() {
    const speak = this.speak;
    const live = liveAt(this.announcements, this.now);
    if (!speak || live.length === 0) return nothing;
    return html`
      <section aria-labelledby="announcements-title" data-announcements>
        <h2 id="announcements-title">${speak.t('occ.announcements')}</h2>
        <ul>${live.map((a) => {
          const words = wordsFor(a, [speak.lang]);
          return html`<li data-announcement=${a.id}>
            <h3 lang=${words.lang}>${words.title}</h3>
            ${words.text ? html`<p lang=${words.lang}>${words.text}</p>` : nothing}
            <p class="until">${speak.t('occ.announcementUntil', { time: speak.time(a.until, this.now) })}</p>
          </li>`;
        })}</ul>
      </section>`;
  }
}

customElements.define('ds-announcement-list', DsAnnouncementList);

declare global {
  interface HTMLElementTagNameMap { 'ds-announcement-list': DsAnnouncementList }
}
