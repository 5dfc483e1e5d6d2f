import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface TrackRow { ticket: string; rating: number | null; comment: string | null }

/** Tracking links as digests, each with its ticket and the occupant's one rating. */
export class TrackTokens {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  byDigest(digest: string): TrackRow | undefined {
    return this.#sql('SELECT ticket, rating, comment FROM track_tokens WHERE token_hash = ?').get(digest) as TrackRow | undefined;
  }

  insert(digest: string, ticket: string): void {
    this.#sql('INSERT INTO track_tokens (token_hash, ticket) VALUES (?, ?)').run(digest, ticket);
  }

  /** The ticket's one rating, by whichever of its links it came. */
  ratingOf(ticket: string): { score: number; comment: string | null } | null {
    const row = this.#sql('SELECT rating, comment FROM track_tokens WHERE ticket = ? AND rating IS NOT NULL LIMIT 1').get(ticket) as { rating: number; comment: string | null } | undefined;
    return row ? { score: row.rating, comment: row.comment } : null;
  }

  rate(digest: string, score: number, comment: string | null): void {
    this.#sql('UPDATE track_tokens SET rating = ?, comment = ? WHERE token_hash = ?').run(score, comment, digest);
  }
}
