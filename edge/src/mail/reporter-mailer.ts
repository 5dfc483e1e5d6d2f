import { createHash, randomBytes } from 'node:crypto';
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
export const MAILED_CHANGES: ReadonlySet<string> = new Set(['ticket-replied', 'ticket-started', 'ticket-completed', 'ticket-work-started', 'ticket-work-done']);

/** Whether a committed change may have queued a mail to the reporter. */
export const mayHaveMailed = (change: Change): boolean =>
  MAILED_CHANGES.has(change.type) || (change.entity === 'ticket' && (openedWithLink(change) !== null || (change.linkedPersons?.length ?? 0) > 0));

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
    // A vendor's steps: the same notices, but the job is not the ticket's done yet, so no rating is asked.
    case 'ticket-work-started': return { kind: 'started', byVendor: true };
    case 'ticket-work-done': return { kind: 'done', byVendor: true };
    default: return null;
  }
}

interface Recipient { to: string; language: MailLanguage }
/** A linked person told by mail, besides the reporter. */
interface Follower extends Recipient { person: string }

const deliverable = (o: ReporterMailerOptions, to: string): boolean => !o.rows.isUndeliverable(to) && o.addresses.read(to).kind === 'foreign';

/**
 * The reporter's mail address and language: a directory person who wants mail, or the
 * sender of the mail that opened or joined the ticket. Null when nobody is to be written to.
 */
function recipient(o: ReporterMailerOptions, ticket: Ticket): Recipient | null {
  const { reporter } = ticket;
  let found: Recipient | null = null;
  if (reporter.kind === 'person' && reporter.id) {
    const person = o.store.entries.persons.get(reporter.id);
    if (person?.email && person.notifyByEmail) found = { to: person.email, language: person.language };
  } else if (reporter.contact?.includes('@') && o.rows.receivedFor(ticket.id)) {
    found = { to: reporter.contact, language: o.rows.languageOf(ticket.id) ?? mailLanguageOf({}, `${ticket.title} ${ticket.description}`) };
  }
  return found && deliverable(o, found.to) ? found : null;
}

/**
 * The persons linked to the ticket who want mail, each once, never the reporter again (by
 * person or by address) and never an undeliverable address.
 */
function followers(o: ReporterMailerOptions, ticket: Ticket, reporter: Recipient | null): Follower[] {
  const taken = new Set([reporter?.to, ticket.reporter.contact].filter((a): a is string => !!a?.includes('@')).map((a) => a.toLowerCase()));
  const found: Follower[] = [];
  for (const id of ticket.links?.persons ?? []) {
    if (ticket.reporter.kind === 'person' && ticket.reporter.id === id) continue;
    const person = o.store.entries.persons.get(id);
    if (!person?.email || !person.notifyByEmail || taken.has(person.email.toLowerCase())) continue;
    taken.add(person.email.toLowerCase());
    if (deliverable(o, person.email)) found.push({ to: person.email, language: person.language, person: id });
  }
  return found;
}

/**
 * The tracking token an earlier mail to this address gave (the acknowledgement, or a linked
 * person's first notice), if it still opens this ticket. The site keeps only digests, so the
 * link is read back from the mail that carried it. For the reporter, a mail of the thread to
 * an address that is no follower's counts too (an address changed since).
 */
function givenTrackToken(o: ReporterMailerOptions, ticket: string, to: string, others: ReadonlySet<string> | null): string | null {
  const mails = o.rows.queuedMails(ticket);
  const own = mails.filter((m) => m.to.toLowerCase() === to.toLowerCase());
  const rest = others ? mails.filter((m) => m.to.toLowerCase() !== to.toLowerCase() && !others.has(m.to.toLowerCase())) : [];
  for (const { text } of [...own, ...rest]) {
    for (const [, token] of text.matchAll(/\/track\/([A-Za-z0-9_-]{16,64})/g)) {
      if (token && o.store.trackTokens.byDigest(tokenDigest(token))?.ticket === ticket) return token;
    }
  }
  return null;
}

/** A follower's own tracking link: the one their mail gave them, else a new one made now (its plain text only in the mail). */
function followerToken(o: ReporterMailerOptions, ticket: string, follower: Follower): string {
  const given = givenTrackToken(o, ticket, follower.to, null);
  if (given) return given;
  const token = randomBytes(18).toString('base64url');
  o.store.trackTokens.insert(tokenDigest(token), ticket);
  return token;
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
 * reporter was already given. Every person linked to the ticket who wants mail gets the same,
 * in their language, with their own link; a person just linked is told they are kept informed.
 */
export function reporterMailer(o: ReporterMailerOptions): WithinCommand {
  const queue = (mail: OutgoingMail, ticket: string, at: string) => {
    if (o.rows.queue(mail, ticket, at)) o.rows.record(mail.messageId, ticket, 'out', createHash('sha256').update(JSON.stringify(mail)).digest('hex'), at);
  };
  const common = (ticket: Ticket) => ({ ticket: ticket.id, title: ticket.title, addresses: o.addresses, siteName: o.siteName, loopId: o.loopId });
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity !== 'ticket') continue;
      const ticket = change.state;
      const opened = openedWithLink(change);
      const what = opened ? null : whatToTell(change);
      const added = new Set(change.type === 'ticket-linked' ? change.linkedPersons ?? [] : []);
      if (!opened && !what && added.size === 0) continue;
      const to = recipient(o, ticket);
      if (opened) {
        // Taken by phone or at the desk: the acknowledgement carries the link, and later mails find it there.
        if (to) {
          queue(acknowledgement({
            ...common(ticket), ...to, trackUrl: o.publicAddress.trackUrl(opened), inReplyTo: null, references: [],
          }), ticket.id, at);
        }
        continue;
      }
      const others = followers(o, ticket, to);
      if (what && to) {
        const token = givenTrackToken(o, ticket.id, to.to, new Set(others.map((f) => f.to.toLowerCase())));
        queue(ticketMail({ ...common(ticket), ...to, trackUrl: token ? o.publicAddress.trackUrl(token) : null, thread: o.rows.thread(ticket.id) }, what), ticket.id, at);
      }
      for (const follower of others) {
        const tell = what ?? (added.has(follower.person) ? { kind: 'kept-informed' as const } : null);
        if (!tell) continue;
        const trackUrl = o.publicAddress.trackUrl(followerToken(o, ticket.id, follower));
        queue(ticketMail({
          ...common(ticket), to: follower.to, language: follower.language, trackUrl, thread: o.rows.thread(ticket.id), recipientKey: follower.person,
        }, tell), ticket.id, at);
      }
    }
  };
}
