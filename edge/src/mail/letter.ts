import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';

/** Who a mail about a ticket goes to, in which language, and where they can follow it. */
export interface LetterTo {
  ticket: string;
  to: string;
  language: MailLanguage;
  trackUrl: string | null;
  addresses: ReplyAddresses;
  siteName: string;
  /** Names this site in X-Loop, so its own mail coming back is known. */
  loopId: string;
}

/** What one kind of mail says, and where it sits in the ticket's thread. */
export interface LetterParts {
  /** The Message-ID's local part: fixed for a mail sent once, random otherwise. */
  messageLocal: string;
  subject: string;
  intro: string;
  /** Words a person wrote (a reply), quoted as they wrote them. */
  quote: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  autoSubmitted: OutgoingMail['autoSubmitted'];
  /** Whether to ask for a rating under the tracking link: one link per score, 1 to 5. */
  askRating?: boolean;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);

/**
 * Every mail the site writes about a ticket has one shape: greeting, what happened, the quoted
 * words if any, the tracking link, how to answer, the signature; as text and as HTML; from the
 * inquiry address, answered to the ticket's reply address, `[{id}]` in the subject.
 */
export function letter(to: LetterTo, parts: LetterParts): OutgoingMail {
  const words = MAIL_WORDS[to.language];
  const rateUrl = (score: number) => `${to.trackUrl}?rate=${score}`;
  const scores = parts.askRating && to.trackUrl ? [1, 2, 3, 4, 5] : [];
  const track = to.trackUrl ? ['', words.follow, to.trackUrl, ...(scores.length ? ['', words.rateAsk, ...scores.map((n) => `${n}: ${rateUrl(n)}`)] : [])] : [];
  const text = [words.greeting, '', parts.intro, ...(parts.quote === null ? [] : ['', parts.quote]), ...track, '', words.replyHint, '', words.signature(to.siteName)];
  const html = [
    `<p>${escapeHtml(words.greeting)}</p>`,
    `<p>${escapeHtml(parts.intro)}</p>`,
    ...(parts.quote === null ? [] : [`<blockquote>${paragraphs(parts.quote).join('')}</blockquote>`]),
    ...(to.trackUrl ? [`<p>${escapeHtml(words.follow)} <a href="${escapeHtml(to.trackUrl)}">${escapeHtml(to.trackUrl)}</a></p>`] : []),
    ...(scores.length ? [`<p>${escapeHtml(words.rateAsk)}</p>`, `<p>${scores.map((n) => `<a href="${escapeHtml(rateUrl(n))}">${n}</a>`).join(' ')}</p>`] : []),
    `<p>${escapeHtml(words.replyHint)}</p>`,
    `<p>${escapeHtml(words.signature(to.siteName))}</p>`,
  ].join('\n');
  return {
    messageId: `<${parts.messageLocal}@${to.addresses.domain}>`,
    from: to.addresses.inbox,
    fromName: oneLine(to.siteName, 80),
    to: oneLine(to.to, 320),
    replyTo: to.addresses.replyTo(to.ticket),
    subject: `[${to.ticket}] ${oneLine(parts.subject, 200)}`,
    ...(parts.inReplyTo ? { inReplyTo: oneLine(parts.inReplyTo, 998) } : {}),
    references: parts.references.map((r) => oneLine(r, 998)).slice(-20),
    autoSubmitted: parts.autoSubmitted,
    xLoop: to.loopId,
    text: text.join('\n'),
    html: `<!doctype html><html><body>\n${html}\n</body></html>`,
    language: to.language,
  };
}
