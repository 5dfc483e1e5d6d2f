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

/**
 * Server-side sessions: the cookie holds a random token, the table holds its digest,
 * so a session is revoked by deleting its row and a stolen database opens none.
 */
export class Sessions {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  insert(tokenDigest: string, session: Session, now: string): void {
    this.#sql('INSERT INTO sessions (token_hash, kind, subject, role, room, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(tokenDigest, session.kind, session.subject, session.role, session.room, now, now, session.expiresAt);
  }

  /** The live session behind a token; sliding expiry, written at most once a minute. */
  find(token: string, now: string): Session | undefined {
    const digest = tokenDigest(token);
    const row = this.#sql('SELECT kind, subject, role, room, last_seen, expires_at FROM sessions WHERE token_hash = ?').get(digest) as Row | undefined;
    if (!row) return undefined;
    const nowMs = Date.parse(now);
    if (Date.parse(row.expires_at) <= nowMs) {
      this.#sql('DELETE FROM sessions WHERE token_hash = ?').run(digest);
      return undefined;
    }
    let expiresAt = row.expires_at;
    if (nowMs - Date.parse(row.last_seen) > touchEvery) {
      expiresAt = new Date(nowMs + sessionIdle[row.kind]).toISOString();
      this.#sql('UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?').run(now, expiresAt, digest);
    }
    return { kind: row.kind, subject: row.subject, role: row.role, room: row.room, expiresAt };
  }

  revoke(token: string): void {
    this.revokeDigest(tokenDigest(token));
  }

  revokeDigest(digest: string): void {
    this.#sql('DELETE FROM sessions WHERE token_hash = ?').run(digest);
  }

  revokeSubject(subject: string): number {
    return this.#sql('DELETE FROM sessions WHERE subject = ?').run(subject).changes;
  }
}
