import { createHash } from 'node:crypto';
import { tokenDigest } from '../auth/token.ts';
import type { WithinCommand } from '../commands/handler.ts';
import type { Change, Ticket } from '../contracts/index.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { MailRows } from './mail-rows.sqlite.ts';
import { acknowledgement } from './acknowledgement.ts';
import { mailActor } from './inbound-mail.ts';
import { mailLanguageOf, type MailLanguage } from './mail-words.ts';
import type { OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';
import { ticketMail, type TicketMailKind } from './ticket-mail.ts';

export interface ReporterMailerOptions {
  store: SiteStore;
  rows: MailRows;
  addresses: ReplyAddresses;
  publicAddress: PublicAddress;
  siteName: string;
  loopId: string;
}

/** The changes that may queue a mail to the reporter; the outbox is woken once they commit. */
export const MAILED_CHANGES: ReadonlySet<string> = new Set(['ticket-replied', 'ticket-started', 'ticket-completed']);

/** Whether a committed change may have queued a mail to the reporter. */
export const mayHaveMailed = (change: Change): boolean =>
  MAILED_CHANGES.has(change.type) || (change.entity === 'ticket' && openedWithLink(change) !== null);

/** What the reporter hears of, by the change that tells it; an internal comment is not here, so it never goes out. */
function whatToTell(change: Change): TicketMailKind | null {
  if (change.entity !== 'ticket') return null;
  switch (change.type) {
    case 'ticket-replied': {
      const reply = change.state.history.at(-1);
      return reply?.visibility === 'reporter' && reply.note ? { kind: 'reply', text: reply.note } : null;
    }
    case 'ticket-started': return { kind: 'started' };
    case 'ticket-completed': return { kind: 'done' };
    default: return null;
  }
}

/**
 * The reporter's mail address and language: a directory person who wants mail, or the
 * sender of the mail that opened or joined the ticket. Null when nobody is to be written to.
 */
function recipient(o: ReporterMailerOptions, ticket: Ticket): { to: string; language: MailLanguage } | null {
  const { reporter } = ticket;
  let found: { to: string; language: MailLanguage } | null = null;
  if (reporter.kind === 'person' && reporter.id) {
    const person = o.store.entries.persons.get(reporter.id);
    if (person?.email && person.notifyByEmail) found = { to: person.email, language: person.language };
  } else if (reporter.contact?.includes('@') && o.rows.receivedFor(ticket.id)) {
    found = { to: reporter.contact, language: o.rows.languageOf(ticket.id) ?? mailLanguageOf({}, `${ticket.title} ${ticket.description}`) };
  }
  return found && !o.rows.isUndeliverable(found.to) && o.addresses.read(found.to).kind === 'foreign' ? found : null;
}

/**
 * The tracking token an earlier mail of the thread gave the reporter (the acknowledgement),
 * if it still opens this ticket. The site keeps only digests, and a ticket has one link, so
 * the link is taken from the mail that carried it, never made anew.
 */
function givenTrackToken(o: ReporterMailerOptions, ticket: string): string | null {
  for (const text of o.rows.queuedTexts(ticket)) {
    for (const [, token] of text.matchAll(/\/track\/([A-Za-z0-9_-]{16,64})/g)) {
      if (token && o.store.trackTokens.byDigest(tokenDigest(token))?.ticket === ticket) return token;
    }
  }
  return null;
}

/**
 * The tracking token of a ticket just opened for a directory person by someone at the site
 * (an inquiry taken by phone). An inquiry that came in by mail is acknowledged by the
 * inbound path, in the thread of the mail, so it is left to that.
 */
function openedWithLink(change: Extract<Change, { entity: 'ticket' }>): string | null {
  if (change.type !== 'ticket-opened' || !change.trackToken) return null;
  if (change.state.reporter.kind !== 'person' || change.state.history[0]?.actor === mailActor.ref) return null;
  return change.trackToken;
}

/**
 * Queues, in the command's own transaction, the mail a ticket's reporter gets: a reply from
 * staff, and a notice when work starts and when it is done, each with the tracking link the
 * reporter was already given.
 */
export function reporterMailer(o: ReporterMailerOptions): WithinCommand {
  const queue = (mail: OutgoingMail, ticket: string, at: string) => {
    if (o.rows.queue(mail, ticket, at)) o.rows.record(mail.messageId, ticket, 'out', createHash('sha256').update(JSON.stringify(mail)).digest('hex'), at);
  };
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity !== 'ticket') continue;
      const ticket = change.state;
      const opened = openedWithLink(change);
      const what = opened ? null : whatToTell(change);
      if (!opened && !what) continue;
      const to = recipient(o, ticket);
      if (!to) continue;
      if (opened) {
        // Taken by phone or at the desk: the acknowledgement carries the link, and later mails find it there.
        queue(acknowledgement({
          ticket: ticket.id, title: ticket.title, ...to, trackUrl: o.publicAddress.trackUrl(opened),
          addresses: o.addresses, siteName: o.siteName, loopId: o.loopId, inReplyTo: null, references: [],
        }), ticket.id, at);
        continue;
      }
      const token = givenTrackToken(o, ticket.id);
      queue(ticketMail({
        ticket: ticket.id, title: ticket.title, ...to, trackUrl: token ? o.publicAddress.trackUrl(token) : null,
        addresses: o.addresses, siteName: o.siteName, loopId: o.loopId, thread: o.rows.thread(ticket.id),
      }, what!), ticket.id, at);
    }
  };
}
