import Database from 'better-sqlite3';
import { type ChainRow, verifyChain } from '../src/store/hash-chain.ts';
import type { VerifyResult } from '../src/contracts/index.ts';

export interface AfterCrash {
  integrity: string;
  chain: VerifyResult;
  head: number;
  /** Acknowledged ticket ids with no row. */
  missingTickets: string[];
  /** Acknowledged comment texts with no `ticket-commented` event after `afterSeq`. */
  missingComments: string[];
}

/**
 * What a killed gateway left in its database file, opened as the next start would open it
 * (read-write, so SQLite recovers the WAL): the integrity check, the hash chain, and whether
 * every write the gateway had acknowledged is there.
 */
export function checkAfterCrash(file: string, acked: { tickets: string[]; comments: string[] }, afterSeq: number): AfterCrash {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const chain = verifyChain(db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>);
    const head = (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events').get() as { seq: number }).seq;
    const hasTicket = db.prepare('SELECT 1 FROM tickets WHERE id = ?').pluck();
    const missingTickets = acked.tickets.filter((id) => hasTicket.get(id) === undefined);
    const comments = new Set<string>();
    for (const row of db.prepare("SELECT state FROM events WHERE seq > ? AND type = 'ticket-commented'").pluck().iterate(afterSeq) as Iterable<string>) {
      for (const note of (JSON.parse(row) as { notes: { text: string }[] }).notes) comments.add(note.text);
    }
    return { integrity, chain, head, missingTickets, missingComments: acked.comments.filter((text) => !comments.has(text)) };
  } finally {
    db.close();
  }
}
