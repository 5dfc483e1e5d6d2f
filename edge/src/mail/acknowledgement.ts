import { randomBytes } from 'node:crypto';
import { letter, type LetterTo } from './letter.ts';
import { MAIL_WORDS } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';

export interface AckInput extends LetterTo {
  title: string;
  inReplyTo: string | null;
  references: string[];
}

/** The mail that tells someone who wrote in that their message is now ticket {id}, with its tracking link. */
export function acknowledgement(input: AckInput): OutgoingMail {
  const words = MAIL_WORDS[input.language];
  return letter(input, {
    messageLocal: `${input.ticket.toLowerCase()}.${randomBytes(9).toString('base64url')}`,
    subject: words.ackSubject(oneLine(input.title, 150)),
    intro: words.received(input.ticket),
    quote: null,
    inReplyTo: input.inReplyTo,
    references: input.references,
    autoSubmitted: 'auto-replied',
  });
}
