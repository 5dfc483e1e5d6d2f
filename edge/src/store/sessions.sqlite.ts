import { secretDigest as tokenDigest } from '@doorside/firmware-config';
import { sessionIdle } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface Session {
  kind: 'user' | 'panel' | 'tenant';
  subject: string;
  role: string;
  room: string | null;
  expiresAt: string;
}

interface Row { kind: 'user' | 'panel' | 'tenant'; subject: string; role: string; room: string | null; last_seen: string; expires_at: string }

const touchEvery = 60_000;

/** How many sessions are remembered at most; past this the memory starts afresh. */
const knownAtMost = 4096;

/**
 * Server-side sessions: the cookie holds a random token, the table holds its digest,
 * so a session is revoked by deleting its row and a stolen database opens none.
 *
 * Every request signs in, so the sessions read lately are remembered by digest, as last
 * read or written by this connection outside a transaction (a row seen inside one could
 * still roll back); a revocation forgets them. Expiry is judged on each request as before.
 */
export class Sessions {
  readonly #sql;
  readonly #known = new Map<string, Row>();

  constructor(private readonly db: Db) {
    this.#sql = statementCache(db);
  }

  insert(tokenDigest: string, session: Session, now: string): void {
    this.#sql('INSERT INTO sessions (token_hash, kind, subject, role, room, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(tokenDigest, session.kind, session.subject, session.role, session.room, now, now, session.expiresAt);
  }

  /** The live session behind a token; sliding expiry, written at most once a minute. */
  find(token: string, now: string): Session | undefined {
    const digest = tokenDigest(token);
    let row = this.#known.get(digest);
    if (!row) {
      row = this.#sql('SELECT kind, subject, role, room, last_seen, expires_at FROM sessions WHERE token_hash = ?').get(digest) as Row | undefined;
      if (!row) return undefined;
      this.#remember(digest, row);
    }
    const nowMs = Date.parse(now);
    if (Date.parse(row.expires_at) <= nowMs) {
      this.revokeDigest(digest);
      return undefined;
    }
    let expiresAt = row.expires_at;
    if (nowMs - Date.parse(row.last_seen) > touchEvery) {
      expiresAt = new Date(nowMs + sessionIdle[row.kind]).toISOString();
      this.#sql('UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?').run(now, expiresAt, digest);
      this.#known.delete(digest);
      this.#remember(digest, { ...row, last_seen: now, expires_at: expiresAt });
    }
    return { kind: row.kind, subject: row.subject, role: row.role, room: row.room, expiresAt };
  }

  #remember(digest: string, row: Row): void {
    if (this.db.inTransaction) return;
    if (this.#known.size >= knownAtMost) this.#known.clear();
    this.#known.set(digest, row);
  }

  revoke(token: string): void {
    this.revokeDigest(tokenDigest(token));
  }

  revokeDigest(digest: string): void {
    this.#known.delete(digest);
    this.#sql('DELETE FROM sessions WHERE token_hash = ?').run(digest);
  }

  revokeSubject(subject: string): number {
    this.#known.clear();
    return this.#sql('DELETE FROM sessions WHERE subject = ?').run(subject).changes;
  }
}
