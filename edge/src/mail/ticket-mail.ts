import { randomBytes } from 'node:crypto';
import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';

/** What every mail to a ticket's reporter needs: who, in which language, in which thread. */
export interface ReporterMail {
  ticket: string;
  title: string;
  to: string;
  language: MailLanguage;
  trackUrl: string | null;
  addresses: ReplyAddresses;
  siteName: string;
  loopId: string;
  /** The thread's Message-IDs, oldest first; the last is answered. */
  thread: string[];
  /** Names a recipient besides the reporter (a linked person), so each one's notice has its own Message-ID. */
  recipientKey?: string;
}

export type TicketMailKind = { kind: 'reply'; text: string } | { kind: 'started' } | { kind: 'done' } | { kind: 'kept-informed' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);

/**
 * A reply from staff, or a short notice that work on the ticket started or is done. A notice
 * has a Message-ID fixed by the ticket and the step, so the outbox takes each one once.
 */
export function ticketMail(input: ReporterMail, what: TicketMailKind): OutgoingMail {
  const words = MAIL_WORDS[input.language];
  const title = oneLine(input.title, 150);
  const [subject, intro, body] = what.kind === 'reply' ? [words.replySubject(title), words.replyIntro(input.ticket), what.text]
    : what.kind === 'started' ? [words.startedSubject(title), words.started(input.ticket), null]
      : what.kind === 'done' ? [words.doneSubject(title), words.done(input.ticket), null]
        : [words.keptInformedSubject(title), words.keptInformed(input.ticket), null];
  const track = input.trackUrl ? ['', words.follow, input.trackUrl] : [];
  const text = [words.greeting, '', intro, ...(body === null ? [] : ['', body]), ...track, '', words.replyHint, '', words.signature(input.siteName)];
  const html = [
    `<p>${escapeHtml(words.greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...(body === null ? [] : [`<blockquote>${paragraphs(body).join('')}</blockquote>`]),
    ...(input.trackUrl ? [`<p>${escapeHtml(words.follow)} <a href="${escapeHtml(input.trackUrl)}">${escapeHtml(input.trackUrl)}</a></p>`] : []),
    `<p>${escapeHtml(words.replyHint)}</p>`,
    `<p>${escapeHtml(words.signature(input.siteName))}</p>`,
  ].join('\n');
  const once = what.kind === 'started' || what.kind === 'done';
  const local = once
    ? `${input.ticket.toLowerCase()}.${what.kind}${input.recipientKey ? `.${input.recipientKey.toLowerCase()}` : ''}`
    : `${input.ticket.toLowerCase()}.${randomBytes(9).toString('base64url')}`;
  const last = input.thread.at(-1);
  return {
    messageId: `<${local}@${input.addresses.domain}>`,
    from: input.addresses.inbox,
    fromName: oneLine(input.siteName, 80),
    to: oneLine(input.to, 320),
    replyTo: input.addresses.replyTo(input.ticket),
    subject: `[${input.ticket}] ${oneLine(subject, 200)}`,
    ...(last ? { inReplyTo: oneLine(last, 998) } : {}),
    references: input.thread.map((r) => oneLine(r, 998)).slice(-20),
    // A person wrote the reply; the notices are the gateway's own.
    autoSubmitted: what.kind === 'reply' ? 'no' : 'auto-generated',
    xLoop: input.loopId,
    text: text.join('\n'),
    html: `<!doctype html><html><body>\n${html}\n</body></html>`,
    language: input.language,
  };
}
