import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** How many sign-in attempts a username or a door panel has used, and until when it is locked. */
export interface AttemptCount { attempts: number; lockedUntil: string | null; lastAt: string }

interface Row { attempts: number; locked_until: string | null; last_at: string }

/**
 * Sign-in attempts per key (`password:ana`, `pin:r101`), kept in the site's database so a
 * lock outlives a restart. Not site state: no event is written for them, so a flood of wrong
 * guesses cannot grow the audit trail or the outbox.
 */
export class SignInAttempts {
  readonly #sql;

  constructor(private readonly db: Db) {
    this.#sql = statementCache(db);
  }

  get(key: string): AttemptCount | undefined {
    const row = this.#sql('SELECT attempts, locked_until, last_at FROM sign_in_attempts WHERE key = ?').get(key) as Row | undefined;
    return row && { attempts: row.attempts, lockedUntil: row.locked_until, lastAt: row.last_at };
  }

  /**
   * Reads the key's count, lets `decide` answer, and stores the count it returns (unchanged
   * when it returns the same object), all in one synchronous step: a request that comes
   * after sees what this one reserved, however many are in flight.
   */
  update<T>(key: string, decide: (count: AttemptCount | undefined) => { next: AttemptCount; answer: T }): T {
    return this.db.transaction(() => {
      const count = this.get(key);
      const { next, answer } = decide(count);
      if (next !== count) {
        this.#sql(`INSERT INTO sign_in_attempts (key, attempts, locked_until, last_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET attempts = excluded.attempts, locked_until = excluded.locked_until, last_at = excluded.last_at`)
          .run(key, next.attempts, next.lockedUntil, next.lastAt);
      }
      return answer;
    })();
  }

  clear(key: string): void {
    this.#sql('DELETE FROM sign_in_attempts WHERE key = ?').run(key);
  }

  /** Forgets counts untouched since `before` whose lock, if any, has run out: names typed once and never again. */
  forgetBefore(before: string, now: string): void {
    this.#sql('DELETE FROM sign_in_attempts WHERE last_at < ? AND (locked_until IS NULL OR locked_until <= ?)').run(before, now);
  }
}
