import { html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Lang } from '../../i18n/index.ts';
import type { ReaderAnnouncement } from './portal-api.ts';
import { portalLook } from './portal-look.ts';

/** Words in the reader's language, else the first language they were written in. */
export const wordsIn = (words: Partial<Record<Lang, string>>, lang: Lang) => words[lang] ?? Object.values(words)[0] ?? '';

/** The announcements meant for the tenant now, shown as plain text; fires `announcement-read` (detail `{ id }`). */
export class DsPortalAnnouncements extends LocalizedElement {
  static override properties = { announcements: { attribute: false }, now: { attribute: false } };
  declare announcements: ReaderAnnouncement[];
  declare now: Date;

  static override styles = portalLook;

  constructor() {
    super();
    this.announcements = [];
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    const unread = this.announcements.filter((a) => !a.read).length;
    return html`<section class="card" aria-labelledby="ann-title">
      <div class="row"><h2 id="ann-title">${t('portal.announcements')}</h2>
        ${unread ? html`<span class="badge" data-unread>${this.speak.plural('portal.unread', unread)}</span>` : nothing}</div>
      ${this.announcements.length === 0 ? html`<p class="muted">${t('portal.announcementsNone')}</p>` : html`<ul class="plain">
        ${this.announcements.map((a) => html`<li data-announcement=${a.id}>
          <h3>${wordsIn(a.title, lang)}</h3>
          <p class="text">${wordsIn(a.text, lang)}</p>
          <div class="row"><span class="muted">${t('portal.until', { when: this.speak!.time(a.until, this.now) })}</span>
            ${a.read ? html`<span class="badge" data-read>${t('portal.read')}</span>`
              : html`<button type="button" data-mark-read @click=${() => emit(this, 'announcement-read', { id: a.id })}>${t('portal.markRead')}</button>`}</div>
        </li>`)}</ul>`}
    </section>`;
  }
}

customElements.define('ds-portal-announcements', DsPortalAnnouncements);
