import { randomBytes } from 'node:crypto';
import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';

export interface AckInput {
  ticket: string;
  title: string;
  to: string;
  language: MailLanguage;
  trackUrl: string | null;
  addresses: ReplyAddresses;
  siteName: string;
  /** Names this site in X-Loop, so its own mail coming back is known. */
  loopId: string;
  inReplyTo: string | null;
  references: string[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail that tells someone who wrote in that their message is now ticket {id}, with its tracking link. */
export function acknowledgement(input: AckInput): OutgoingMail {
  const words = MAIL_WORDS[input.language];
  const lines = [words.greeting, '', words.received(input.ticket), ...(input.trackUrl ? ['', words.follow, input.trackUrl] : []), '', words.replyHint, '', words.signature(input.siteName)];
  const html = [
    `<p>${escapeHtml(words.greeting)}</p>`,
    `<p>${escapeHtml(words.received(input.ticket))}</p>`,
    ...(input.trackUrl ? [`<p>${escapeHtml(words.follow)} <a href="${escapeHtml(input.trackUrl)}">${escapeHtml(input.trackUrl)}</a></p>`] : []),
    `<p>${escapeHtml(words.replyHint)}</p>`,
    `<p>${escapeHtml(words.signature(input.siteName))}</p>`,
  ].join('\n');
  return {
    messageId: `<${input.ticket.toLowerCase()}.${randomBytes(9).toString('base64url')}@${input.addresses.domain}>`,
    from: input.addresses.inbox,
    fromName: oneLine(input.siteName, 80),
    to: oneLine(input.to, 320),
    replyTo: input.addresses.replyTo(input.ticket),
    subject: `[${input.ticket}] ${oneLine(words.ackSubject(oneLine(input.title, 150)), 200)}`,
    ...(input.inReplyTo ? { inReplyTo: oneLine(input.inReplyTo, 998) } : {}),
    references: input.references.map((r) => oneLine(r, 998)).slice(-20),
    autoSubmitted: 'auto-replied',
    xLoop: input.loopId,
    text: lines.join('\n'),
    html: `<!doctype html><html><body>\n${html}\n</body></html>`,
    language: input.language,
  };
}
