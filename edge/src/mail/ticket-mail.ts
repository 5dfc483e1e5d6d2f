import { randomBytes } from 'node:crypto';
import { letter, type LetterTo } from './letter.ts';
import { MAIL_WORDS } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';

/** What every mail to a ticket's reporter needs: who, in which language, in which thread. */
export interface ReporterMail extends LetterTo {
  title: string;
  /** The thread's Message-IDs, oldest first; the last is answered. */
  thread: string[];
  /** Names a recipient besides the reporter (a linked person), so each one's notice has its own Message-ID. */
  recipientKey?: string;
}

export type TicketMailKind = { kind: 'reply'; text: string } | { kind: 'started'; byVendor?: boolean } | { kind: 'done'; byVendor?: boolean } | { kind: 'kept-informed' };

/**
 * A reply from staff, or a short notice that work on the ticket started or is done. A notice
 * has a Message-ID fixed by the ticket and the step, so the outbox takes each one once.
 */
export function ticketMail(input: ReporterMail, what: TicketMailKind): OutgoingMail {
  const words = MAIL_WORDS[input.language];
  const title = oneLine(input.title, 150);
  const [subject, intro, quote] = what.kind === 'reply' ? [words.replySubject(title), words.replyIntro(input.ticket), what.text]
    : what.kind === 'started' ? [words.startedSubject(title), words.started(input.ticket), null]
      : what.kind === 'done' ? [words.doneSubject(title), words.done(input.ticket), null]
        : [words.keptInformedSubject(title), words.keptInformed(input.ticket), null];
  const once = what.kind === 'started' || what.kind === 'done';
  const byVendor = once && what.byVendor === true;
  const messageLocal = once
    ? `${input.ticket.toLowerCase()}.${byVendor ? 'work-' : ''}${what.kind}${input.recipientKey ? `.${input.recipientKey.toLowerCase()}` : ''}`
    : `${input.ticket.toLowerCase()}.${randomBytes(9).toString('base64url')}`;
  return letter(input, {
    messageLocal, subject, intro, quote,
    inReplyTo: input.thread.at(-1) ?? null,
    references: input.thread,
    // A person wrote the reply; the notices are the gateway's own.
    autoSubmitted: what.kind === 'reply' ? 'no' : 'auto-generated',
    askRating: what.kind === 'done' && !byVendor,
  });
}
