import type { Db } from '../store/database.sqlite.ts';
import { statementCache } from '../store/statements.ts';

/** Where a message sits on the IMAP server: the account's mailbox, its UIDVALIDITY and the message's UID. */
export interface ImapKey { mailbox: string; uidvalidity: string; uid: number }

/** The messages taken in from an IMAP mailbox, so a fetch cut off and repeated takes none in twice. */
export class ImapTaken {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** The UIDs of this mailbox generation already taken in. */
  uids(mailbox: string, uidvalidity: string): Set<number> {
    const rows = this.#sql('SELECT uid FROM mail_imap_taken WHERE mailbox = ? AND uidvalidity = ?').all(mailbox, uidvalidity) as { uid: number }[];
    return new Set(rows.map((r) => r.uid));
  }

  /** Records one message taken in; call it in the transaction of the change it caused. False when it was recorded before. */
  record(key: ImapKey, sha256: string, ticket: string | null, outcome: string, at: string): boolean {
    return this.#sql('INSERT OR IGNORE INTO mail_imap_taken (mailbox, uidvalidity, uid, sha256, ticket, outcome, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(key.mailbox, key.uidvalidity, key.uid, sha256, ticket, outcome, at).changes === 1;
  }

  count(): number {
    return (this.#sql('SELECT count(*) AS n FROM mail_imap_taken').get() as { n: number }).n;
  }
}
