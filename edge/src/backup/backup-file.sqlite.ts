import Database from 'better-sqlite3';
import type { VerifyResult } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';
import { type ChainRow, verifyChain } from '../store/hash-chain.ts';

/** sqlite3_backup_step's page count meaning "all the rest". */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a site database with SQLite's online backup API: the copy is one consistent
 * snapshot even while the gateway keeps committing. `source` is the gateway's own
 * connection, or a file that is then opened read-only (beside a running gateway).
 * The copy lands under a temporary name and is renamed into place by the caller.
 */
export async function copyDatabase(source: Db | string, dest: string): Promise<void> {
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    // All pages in one step: the copy reads a single snapshot, so a busy site can never make
    // it start over (a step-by-step backup restarts whenever another connection writes).
    await db.backup(dest, { progress: () => ALL_PAGES });
  } finally {
    if (typeof source === 'string') db.close();
  }
  // A backup is a plain file: no -wal or -shm beside it, so it opens anywhere, even read-only.
  const copy = new Database(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface DatabaseCheck {
  /** `['ok']` when SQLite finds the file sound; otherwise its findings. */
  integrity: string[];
  chain: VerifyResult;
  /** The site ids its events carry (one, for a site's database). */
  sites: string[];
}

/** Opens a database file read-only and checks it: SQLite's integrity check, then the hash chain. Throws if it is no site database at all. */
export function checkDatabase(file: string): DatabaseCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const chain = verifyChain(db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>);
    const sites = db.prepare('SELECT DISTINCT site FROM events').pluck().all() as string[];
    return { integrity, chain, sites };
  } finally {
    db.close();
  }
}
