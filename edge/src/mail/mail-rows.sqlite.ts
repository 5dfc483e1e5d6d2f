import type { Db } from '../store/database.sqlite.ts';
import { statementCache } from '../store/statements.ts';
import { OutgoingMail } from './outgoing-mail.ts';

export interface OutboxRow { id: number; messageId: string; ticket: string | null; recipient: string; mail: OutgoingMail; attempts: number }

/** The mail tables: messages per ticket (threading, dedupe), the outbox, undeliverable addresses. */
export class MailRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** Records a message sent or taken in; false when this very message (same bytes) was already taken in. */
  record(messageId: string, ticket: string | null, direction: 'in' | 'out', sha256: string, at: string): boolean {
    return this.#sql('INSERT OR IGNORE INTO mail_messages (message_id, ticket, direction, sha256, at) VALUES (?, ?, ?, ?, ?)')
      .run(messageId, ticket, direction, sha256, at).changes === 1;
  }

  seenRaw(sha256: string): boolean {
    return this.#sql("SELECT 1 FROM mail_messages WHERE sha256 = ? AND direction = 'in'").get(sha256) !== undefined;
  }

  /** The ticket a Message-ID belongs to, the newest first. */
  ticketOf(messageId: string): string | null {
    const row = this.#sql('SELECT ticket FROM mail_messages WHERE message_id = ? AND ticket IS NOT NULL ORDER BY rowid DESC LIMIT 1').get(messageId) as { ticket: string } | undefined;
    return row?.ticket ?? null;
  }

  /** Every ticket a Message-ID belongs to, the newest first (a reused Message-ID may name several). */
  ticketsOf(messageId: string): string[] {
    return (this.#sql('SELECT ticket FROM mail_messages WHERE message_id = ? AND ticket IS NOT NULL GROUP BY ticket ORDER BY max(rowid) DESC').all(messageId) as { ticket: string }[]).map((r) => r.ticket);
  }

  /** Every Message-ID of a ticket's thread, oldest first (for References). */
  thread(ticket: string): string[] {
    return (this.#sql('SELECT DISTINCT message_id FROM mail_messages WHERE ticket = ? ORDER BY rowid').all(ticket) as { message_id: string }[]).map((r) => r.message_id);
  }

  /** Mails queued for an address since a time (the ping-pong guard). */
  sentSince(recipient: string, since: string): number {
    return (this.#sql('SELECT count(*) AS n FROM mail_outbox WHERE recipient = ? AND created_at >= ?').get(recipient, since) as { n: number }).n;
  }

  /** Whether mail about the ticket came in (its reporter wrote in). */
  receivedFor(ticket: string): boolean {
    return this.#sql("SELECT 1 FROM mail_messages WHERE ticket = ? AND direction = 'in' LIMIT 1").get(ticket) !== undefined;
  }

  /** The language of the last mail queued for a ticket. */
  languageOf(ticket: string): OutgoingMail['language'] | null {
    const row = this.#sql('SELECT doc FROM mail_outbox WHERE ticket = ? ORDER BY id DESC LIMIT 1').get(ticket) as { doc: string } | undefined;
    return row ? OutgoingMail.parse(JSON.parse(row.doc)).language : null;
  }

  /** The text of every mail queued for a ticket, the newest first. */
  queuedTexts(ticket: string): string[] {
    return this.queuedMails(ticket).map((m) => m.text);
  }

  /** Every mail queued for a ticket, whom it went to and its text, the newest first. */
  queuedMails(ticket: string): { to: string; text: string }[] {
    return (this.#sql('SELECT doc FROM mail_outbox WHERE ticket = ? ORDER BY id DESC').all(ticket) as { doc: string }[])
      .map((r) => OutgoingMail.parse(JSON.parse(r.doc)))
      .map((m) => ({ to: m.to, text: m.text }));
  }

  /**
   * Queues a mail in the caller's transaction; a mail that would not be a well-formed message is refused here, not at sending.
   * False when a mail with that Message-ID was queued before (a notice sent once stays sent once).
   */
  queue(given: OutgoingMail, ticket: string | null, at: string): boolean {
    const mail = OutgoingMail.parse(given);
    return this.#sql('INSERT OR IGNORE INTO mail_outbox (message_id, ticket, recipient, doc, created_at, next_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(mail.messageId, ticket, mail.to, JSON.stringify(mail), at, at).changes === 1;
  }

  due(now: string, limit = 20): OutboxRow[] {
    const rows = this.#sql('SELECT id, message_id, ticket, recipient, doc, attempts FROM mail_outbox WHERE sent_at IS NULL AND next_at <= ? ORDER BY id LIMIT ?')
      .all(now, limit) as { id: number; message_id: string; ticket: string | null; recipient: string; doc: string; attempts: number }[];
    return rows.map((r) => ({ id: r.id, messageId: r.message_id, ticket: r.ticket, recipient: r.recipient, mail: OutgoingMail.parse(JSON.parse(r.doc)), attempts: r.attempts }));
  }

  /** Marks a row sent; false when another sender already did (so nothing goes out twice). */
  markSent(id: number, at: string): boolean {
    return this.#sql('UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ? AND sent_at IS NULL').run(at, id).changes === 1;
  }

  /** Claims a row for one attempt by pushing its next try forward first. */
  claim(id: number, nextAt: string): boolean {
    return this.#sql('UPDATE mail_outbox SET next_at = ? WHERE id = ? AND sent_at IS NULL').run(nextAt, id).changes === 1;
  }

  failed(id: number, error: string, nextAt: string): void {
    this.#sql('UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE id = ?').run(error.slice(0, 500), nextAt, id);
  }

  pending(): number {
    return (this.#sql('SELECT count(*) AS n FROM mail_outbox WHERE sent_at IS NULL').get() as { n: number }).n;
  }

  markUndeliverable(address: string, status: string, at: string): void {
    this.#sql('INSERT INTO mail_undeliverable (address, at, status) VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET at = excluded.at, status = excluded.status')
      .run(address.toLowerCase(), at, status);
  }

  isUndeliverable(address: string): boolean {
    return this.#sql('SELECT 1 FROM mail_undeliverable WHERE address = ?').get(address.toLowerCase()) !== undefined;
  }

  /** A dedupe key (IMAP mailbox + UIDVALIDITY + UID); false when it was seen before. */
  markSeen(key: string, at: string): boolean {
    return this.#sql('INSERT OR IGNORE INTO mail_seen (key, at) VALUES (?, ?)').run(key, at).changes === 1;
  }
}
