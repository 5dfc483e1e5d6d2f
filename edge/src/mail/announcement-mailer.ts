import { createHash } from 'node:crypto';
import { targetedPersons } from '../announcements/audience.ts';
import type { WithinCommand } from '../commands/handler.ts';
import type { Announcement, AnnouncementLanguage, Change } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { MailRows } from './mail-rows.sqlite.ts';
import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';

const INTRO: Record<MailLanguage, (site: string) => string> = {
  en: (site) => `An announcement from ${site}:`,
  zh: (site) => `${site} 发布的公告：`,
  nb: (site) => `En kunngjøring fra ${site}:`,
  nl: (site) => `Een mededeling van ${site}:`,
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The words in the reader's language, else English, else the first language given. */
function wordsFor(a: Announcement, language: MailLanguage): { lang: AnnouncementLanguage; title: string; text: string } {
  const lang = (a.title[language] ? language : a.title.en ? 'en' : Object.keys(a.title)[0]) as AnnouncementLanguage;
  return { lang, title: a.title[lang] ?? '', text: a.text[lang] ?? '' };
}

export interface AnnouncementMailerOptions { store: SiteStore; rows: MailRows; addresses: ReplyAddresses; siteName: string; loopId: string }

/** Whether a committed change may have queued announcement mail (the outbox is woken for it). */
export const mayHaveMailedAnnouncement = (change: Change): boolean => change.entity === 'announcement' && change.type === 'announcement-started';

/**
 * When an announcement goes live, queues a mail, in the same transaction, to every directory
 * person it is meant for who wants mail and has a deliverable address: in their language when
 * it was written in it, once per person (its Message-ID is fixed), the text as plain text.
 */
export function announcementMailer(o: AnnouncementMailerOptions): WithinCommand {
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity !== 'announcement' || change.type !== 'announcement-started') continue;
      const a = change.state;
      const units = o.store.entries.units.list(10_000);
      for (const person of targetedPersons(a, o.store.entries.persons.list(100_000), units)) {
        if (!person.email || !person.notifyByEmail || o.rows.isUndeliverable(person.email)) continue;
        const words = wordsFor(a, person.language);
        const greeting = MAIL_WORDS[person.language];
        const mail: OutgoingMail = {
          messageId: `<announcement-${a.id}-${person.id}@${o.addresses.domain}>`,
          from: o.addresses.inbox, fromName: oneLine(o.siteName, 80), to: oneLine(person.email, 320), replyTo: o.addresses.inbox,
          subject: oneLine(words.title, 200), references: [], autoSubmitted: 'auto-generated', xLoop: o.loopId,
          text: [greeting.greeting, '', INTRO[person.language](o.siteName), '', words.title, '', words.text, '', greeting.signature(o.siteName)].join('\n'),
          html: `<!doctype html><html><body>\n<p>${escapeHtml(greeting.greeting)}</p>\n<p>${escapeHtml(INTRO[person.language](o.siteName))}</p>\n<h1>${escapeHtml(words.title)}</h1>\n${
            words.text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n')}\n<p>${escapeHtml(greeting.signature(o.siteName))}</p>\n</body></html>`,
          language: person.language,
        };
        if (o.rows.queue(mail, null, at)) {
          o.rows.record(mail.messageId, null, 'out', createHash('sha256').update(JSON.stringify(mail)).digest('hex'), at);
          o.store.announcements.recordMailed(a.id, person.id);
        }
      }
    }
  };
}
