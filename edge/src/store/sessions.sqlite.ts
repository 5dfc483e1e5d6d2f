import { secretDigest as tokenDigest } from '@doorside/firmware-config';
import { sessionIdle } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface Session {
  kind: 'user' | 'panel';
  subject: string;
  role: string;
  room: string | null;
  expiresAt: string;
}

interface Row { kind: 'user' | 'panel'; subject: string; role: string; room: string | null; last_seen: string; expires_at: string }

const touchEvery = 60_000;
/** Sessions kept in memory at most; past it the ones remembered first are dropped (read again from the table when used). */
const rememberAtMost = 5_000;

interface Known { digest: string; row: Row }

/**
 * Server-side sessions: the cookie holds a random token, the table holds its digest,
 * so a session is revoked by deleting its row and a stolen database opens none.
 */
export class Sessions {
  readonly #sql;
  /**
   * Rows this connection read, by token, so a request does not hash its token and query the
   * table again. Only this class writes the table, and each write below updates or drops the
   * entries it touches; a lookup inside a transaction (which may roll back) bypasses and
   * drops the entry. Expiry and the renewal are decided on every lookup as before; the user
   * behind a session is read apart, every time, so a disabled user or a new role counts at once.
   */
  readonly #known = new Map<string, Known>();

  constructor(private readonly db: Db) {
    this.#sql = statementCache(db);
  }

  insert(tokenDigest: string, session: Session, now: string): void {
    this.#sql('INSERT INTO sessions (token_hash, kind, subject, role, room, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(tokenDigest, session.kind, session.subject, session.role, session.room, now, now, session.expiresAt);
  }

  /** The live session behind a token; sliding expiry, written at most once a minute. */
  find(token: string, now: string): Session | undefined {
    const inTransaction = this.db.inTransaction;
    let known = inTransaction ? undefined : this.#known.get(token);
    if (inTransaction) this.#known.delete(token);
    if (!known) {
      const digest = tokenDigest(token);
      const row = this.#sql('SELECT kind, subject, role, room, last_seen, expires_at FROM sessions WHERE token_hash = ?').get(digest) as Row | undefined;
      if (!row) return undefined;
      known = { digest, row };
      if (!inTransaction) this.#remember(token, known);
    }
    const { digest, row } = known;
    const nowMs = Date.parse(now);
    if (Date.parse(row.expires_at) <= nowMs) {
      this.#known.delete(token);
      this.#sql('DELETE FROM sessions WHERE token_hash = ?').run(digest);
      return undefined;
    }
    if (nowMs - Date.parse(row.last_seen) > touchEvery) {
      const expiresAt = new Date(nowMs + sessionIdle[row.kind]).toISOString();
      this.#sql('UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?').run(now, expiresAt, digest);
      known.row = { ...row, last_seen: now, expires_at: expiresAt };
    }
    return { kind: row.kind, subject: row.subject, role: row.role, room: row.room, expiresAt: known.row.expires_at };
  }

  #remember(token: string, known: Known): void {
    if (this.#known.size >= rememberAtMost) this.#known.delete(this.#known.keys().next().value!);
    this.#known.set(token, known);
  }

  revoke(token: string): void {
    this.revokeDigest(tokenDigest(token));
  }

  revokeDigest(digest: string): void {
    for (const [token, known] of this.#known) if (known.digest === digest) this.#known.delete(token);
    this.#sql('DELETE FROM sessions WHERE token_hash = ?').run(digest);
  }

  revokeSubject(subject: string): number {
    for (const [token, known] of this.#known) if (known.row.subject === subject) this.#known.delete(token);
    return this.#sql('DELETE FROM sessions WHERE subject = ?').run(subject).changes;
  }
}
