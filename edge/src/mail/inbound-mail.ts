import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import type { Attachment, OpenTicketCommand, PersonRecord, Target } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { PublicAddress } from '../http/public-address.ts';
import { systemActor, type Actor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { acknowledgement } from './acknowledgement.ts';
import { automaticMail, permanentFailures } from './automatic-mail.ts';
import type { MailAttachmentStore } from './mail-attachment-store.ts';
import type { Defused } from './mail-metrics.ts';
import type { MailRows } from './mail-rows.sqlite.ts';
import { mailHome } from './mail-home.ts';
import { mailLanguageOf, type MailLanguage } from './mail-words.ts';
import { oneLine } from './outgoing-mail.ts';
import { withoutQuotedHistory } from './quoted-history.ts';
import { Invalid } from '../domain-error.ts';
import type { ReplyAddresses } from './reply-address.ts';

/** The gateway taking mail in: the audit log names it `mail`; the rights table's `system` rows decide what it may do. */
export const mailActor: Actor = { ...systemActor, ref: 'mail' };

export type InboundOutcome =
  | { outcome: 'opened'; ticket: string; acknowledged: boolean }
  | { outcome: 'added'; ticket: string }
  | { outcome: 'bounce'; undeliverable: string[] }
  | { outcome: 'duplicate' };

/** Written in the same transaction as what the message changed (an IMAP source records where the message sat). */
export type TakenIn = (taken: { sha256: string; ticket: string | null; outcome: 'opened' | 'added' | 'bounce'; at: string }) => void;

export interface InboundMailOptions {
  store: SiteStore;
  commands: CommandHandler;
  rows: MailRows;
  addresses: ReplyAddresses;
  files: MailAttachmentStore;
  publicAddress: PublicAddress;
  siteName: string;
  /** X-Loop value naming this site. */
  loopId: string;
  clock: () => string;
  /** The site's default home of a new inquiry, when neither its sender nor its subject names a room. */
  inquiryHome: () => { room: string; category: string };
  /** Told after the commit, so the outbox sends at once. */
  queued: () => void;
  /** Told after the commit what was made safe in a mail taken in (for `/metrics`). */
  defused?: (what: Defused) => void;
}

/** The one place a new mail becomes a new ticket: switch the kind or the room here. */
export function inquiryFromMail(mail: { subject: string; text: string; sender: string; attachments: Attachment[] }, home: { room: string; category: string }): { target: Target; command: OpenTicketCommand } {
  return {
    target: { room: home.room },
    command: {
      type: 'open-ticket', kind: 'inquiry', category: home.category, priority: 'normal',
      title: oneLine(mail.subject, 120) || '(no subject)', description: mail.text.slice(0, 2000),
      ...(mail.sender ? { contact: mail.sender.slice(0, 200) } : {}),
      ...(mail.attachments.length > 0 ? { attachments: mail.attachments } : {}),
    },
  };
}

type Mailbox = AddressObject['value'][number];
/** Every address of a header, those inside a group (`Team: a@x, b@y;`) too. */
const mailboxes = (list: readonly Mailbox[]): string[] => list.flatMap((v) => [v.address ?? '', ...mailboxes(v.group ?? [])]);
const addressesIn = (field: unknown): string[] =>
  ([] as unknown[]).concat(field ?? []).flatMap((a) => (a && typeof a === 'object' && 'value' in a && Array.isArray(a.value) ? mailboxes(a.value as Mailbox[]) : typeof a === 'string' ? [a.trim()] : []))
    .filter((a) => a !== '');
/** Message-IDs in In-Reply-To or References: `<id>` as written, or a bare `id@host` some clients send without brackets. */
const messageIds = (value: string | string[] | undefined): string[] =>
  ([] as string[]).concat(value ?? []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? (v.match(/[^<>\s,;]+@[^<>\s,;]+/g) ?? []).map((id) => `<${id}>`));

/** Takes one accepted message in: threads it to its ticket or opens an inquiry, keeps its files, queues the acknowledgement. */
export class InboundMail {
  constructor(private readonly o: InboundMailOptions) {}

  async receive(raw: Buffer, envelope: { from: string; to: string[] }, takenIn: TakenIn = () => {}): Promise<InboundOutcome> {
    const { rows, addresses, clock } = this.o;
    const sha256 = createHash('sha256').update(raw).digest('hex');
    if (rows.seenRaw(sha256)) return { outcome: 'duplicate' };
    const at = clock();
    const mail = await this.#parse(raw);
    const sender = (mail ? addressesIn(mail.from)[0] : undefined) ?? envelope.from;
    const messageId = mail?.messageId && /^<[^<>\s]+>$/.test(mail.messageId) ? mail.messageId : `<${sha256.slice(0, 32)}@received.${addresses.domain}>`;
    const automatic = mail ? automaticMail(mail.headers, envelope.from, this.o.loopId) : { automatic: false as const };

    if (mail && automatic.automatic && automatic.reason === 'delivery-report') {
      const failed = permanentFailures(raw.toString('latin1'));
      this.o.store.db.transaction(() => {
        for (const f of failed) rows.markUndeliverable(f.address, f.status, at);
        rows.record(messageId, null, 'in', sha256, at);
        takenIn({ sha256, ticket: null, outcome: 'bounce', at });
      })();
      return { outcome: 'bounce', undeliverable: failed.map((f) => f.address) };
    }

    const ticket = mail ? this.#thread(mail, envelope.to, sender) : this.#threadByAddress(envelope.to);
    // Text made from HTML keeps link targets as `[url]`; a script URL is no reading matter.
    const text = mail ? withoutQuotedHistory(mail.text ?? (mail.html ? sanitizeHtml(mail.html, { allowedTags: [], allowedAttributes: {} }) : '')).replace(/\s*\[\s*(?:javascript|vbscript|data):[^\]]*\]/gi, '') : '';
    const defused = defusedIn(mail, raw);
    const attachments = this.#keepFiles(mail, raw, sender, at);

    if (ticket) {
      const body = text.trim() === '' ? oneLine(mail?.subject ?? '', 200) || '(empty message)' : text;
      await this.o.store.batch('mail', () => at, (tx) => {
        this.o.commands.run(mailActor, { ticket }, { type: 'comment', text: `${sender}: ${body}`.slice(0, 2000), internal: false });
        const fresh = newFiles(this.o.store.tickets.get(ticket)!.attachments, attachments);
        try {
          if (fresh.length > 0) this.o.commands.run(mailActor, { ticket }, { type: 'attach', attachments: fresh });
        } catch (error) {
          // A ticket that holds all the files it may keeps the words; the files stay kept, unattached (its own savepoint rolled back).
          if (!(error instanceof Invalid)) throw error;
        }
        rows.record(messageId, ticket, 'in', sha256, at);
        takenIn({ sha256, ticket, outcome: 'added', at });
        tx.record('mail-received', `ticket:${ticket}`, { messageId, sha256, from: sender, attachments: attachments.map((a) => a.id) });
      });
      for (const what of defused) this.o.defused?.(what);
      return { outcome: 'added', ticket };
    }

    const subject = mail?.subject ?? '';
    const home = mailHome(this.o.store, sender, subject, this.o.inquiryHome());
    const { target, command } = inquiryFromMail({ subject, text: text || '(empty message)', sender, attachments }, home);
    const language = mailLanguageOf({ contentLanguage: headerText(mail, 'content-language'), acceptLanguage: headerText(mail, 'accept-language') }, `${subject} ${text}`);
    // One acknowledgement an hour per address at most: an auto-responder that keeps writing in ends the exchange after one.
    const hourAgo = new Date(Date.parse(at) - 3_600_000).toISOString();
    const answer = !automatic.automatic && sender !== '' && !rows.isUndeliverable(sender) && addresses.read(sender).kind === 'foreign'
      && rows.sentSince(sender, hourAgo) === 0;
    // A person writing in for the first time is kept as a contact; a robot is not.
    const newContact = !home.person && !automatic.automatic && sender !== '' && addresses.read(sender).kind === 'foreign'
      ? { email: sender, name: oneLine(mail?.from?.value[0]?.name ?? '', 120) || sender, language } : null;
    const result = await this.o.store.batch('mail', () => at, (tx) => {
      const opened = this.o.commands.run(mailActor, target, command);
      const person = home.person ?? (newContact ? this.#keptContact(newContact) : undefined);
      if (person || home.unit) {
        this.o.commands.run(mailActor, { ticket: opened.ticket.id }, { type: 'link-ticket', ...(person ? { persons: [person.id] } : {}), ...(home.unit ? { unit: home.unit.id } : {}) });
      }
      rows.record(messageId, opened.ticket.id, 'in', sha256, at);
      takenIn({ sha256, ticket: opened.ticket.id, outcome: 'opened', at });
      tx.record('mail-received', `ticket:${opened.ticket.id}`, { messageId, sha256, from: sender, attachments: attachments.map((a) => a.id) });
      if (answer) {
        const ack = acknowledgement({
          ticket: opened.ticket.id, title: opened.ticket.title, to: sender, language, siteName: this.o.siteName, loopId: this.o.loopId, addresses,
          trackUrl: opened.trackToken ? this.o.publicAddress.trackUrl(opened.trackToken) : null,
          inReplyTo: messageId, references: [...messageIds(mail?.references), messageId],
        });
        rows.queue(ack, opened.ticket.id, at);
        rows.record(ack.messageId, opened.ticket.id, 'out', createHash('sha256').update(JSON.stringify(ack)).digest('hex'), at);
      }
      return opened;
    });
    for (const what of defused) this.o.defused?.(what);
    if (answer) this.o.queued();
    return { outcome: 'opened', ticket: result.ticket.id, acknowledged: answer };
  }

  /** The sender as a directory person; an address the directory cannot hold (too long, malformed) keeps no contact. */
  #keptContact(contact: { email: string; name: string; language: MailLanguage }): PersonRecord | undefined {
    try {
      return this.o.commands.run(mailActor, { directory: true }, { type: 'add-contact', ...contact });
    } catch (error) {
      if (error instanceof Invalid) return undefined;
      throw error;
    }
  }

  async #parse(raw: Buffer): Promise<ParsedMail | null> {
    try {
      return await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5_000_000 });
    } catch {
      return null;
    }
  }

  /** Reply address, then a Message-ID the thread knows, then `[T-n]` in the subject. */
  #thread(mail: ParsedMail, envelopeTo: string[], sender: string): string | null {
    // mailparser reads Delivered-To as an address header: its addresses, never its string form.
    const byAddress = this.#threadByAddress([...envelopeTo, ...addressesIn(mail.to), ...addressesIn(mail.cc), ...addressesIn(mail.headers.get('delivered-to'))]);
    if (byAddress) return byAddress;
    // A Message-ID two tickets share (a client that reuses them) belongs to the one this sender wrote; else it is a last resort.
    let shared: string | null = null;
    for (const id of [...messageIds(mail.inReplyTo), ...messageIds(mail.references)].reverse()) {
      const tickets = this.o.rows.ticketsOf(id).filter((t) => this.o.store.tickets.get(t));
      if (tickets.length === 1) return tickets[0]!;
      const own = tickets.find((t) => this.o.store.tickets.get(t)!.reporter.contact?.toLowerCase() === sender.toLowerCase());
      if (own) return own;
      shared ??= tickets[0] ?? null;
    }
    const tagged = /\[(T-\d{1,12})\]/i.exec(mail.subject ?? '')?.[1]?.toUpperCase();
    return tagged && this.o.store.tickets.get(tagged) ? tagged : shared;
  }

  #threadByAddress(candidates: string[]): string | null {
    for (const address of candidates) {
      const read = this.o.addresses.read(address);
      if (read.kind === 'reply' && this.o.store.tickets.get(read.ticket)) return read.ticket;
    }
    return null;
  }

  /** Every attachment, inline images too, byte for byte; HTML made safe; a message that cannot be parsed is kept whole. */
  #keepFiles(mail: ParsedMail | null, raw: Buffer, by: string, at: string): Attachment[] {
    const { files } = this.o;
    if (!mail) return [files.keep(raw, 'message.eml', 'message/rfc822', by, at)];
    const kept = mail.attachments.map((a) => files.keep(a.content, a.filename ?? (a.contentId ? `inline-${a.contentId.replace(/[<>]/g, '')}` : 'attachment'), a.contentType || 'application/octet-stream', by, at));
    if (mail.html) {
      const safe = sanitizeHtml(mail.html, { allowedSchemes: ['http', 'https', 'mailto', 'cid'], allowedSchemesByTag: { img: ['cid', 'data'] } });
      kept.push(files.keep(Buffer.from(safe, 'utf8'), 'message.html', 'text/html', by, at));
    }
    return kept;
  }
}

/** The files a follow-up brings that the ticket does not hold yet, each once. */
function newFiles(on: readonly Attachment[], files: readonly Attachment[]): Attachment[] {
  return files.filter((f, i) => !on.some((a) => a.id === f.id) && files.findIndex((g) => g.id === f.id) === i);
}

function headerText(mail: ParsedMail | null, name: string): string | undefined {
  const value = mail?.headers.get(name);
  return typeof value === 'string' ? value : undefined;
}

const ARCHIVE_TYPES = /^application\/(?:zip|x-zip-compressed|gzip|x-gzip|x-7z-compressed|x-rar-compressed|vnd\.rar|x-tar|x-bzip2|x-xz)$/i;
const ARCHIVE_NAMES = /\.(?:zip|gz|tgz|7z|rar|tar|bz2|xz)$/i;

/** What a mail needed made safe: an unreadable or unclosed MIME structure, control characters in its subject, active HTML, an archive (kept, never opened). */
function defusedIn(mail: ParsedMail | null, raw: Buffer): Defused[] {
  if (!mail) return ['broken-mime'];
  const found: Defused[] = [];
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const boundary = type?.value?.startsWith('multipart/') ? type.params?.boundary : undefined;
  if (boundary && !raw.includes(`--${boundary}--`)) found.push('broken-mime');
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(mail.subject ?? '')) found.push('control-characters');
  if (mail.html && /<script\b|\son[a-z]+\s*=|(?:java|vb)script:/i.test(mail.html)) found.push('active-html');
  if (mail.attachments.some((a) => ARCHIVE_TYPES.test(a.contentType) || ARCHIVE_NAMES.test(a.filename ?? ''))) found.push('archive');
  return found;
}
