import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface StoredSubscription { endpoint: string; owner: string; p256dh: string; auth: string }

/** Push subscriptions by the person (actor ref) they notify. */
export class PushSubscriptions {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  put(s: StoredSubscription, at: string): void {
    this.#sql(`INSERT INTO push_subscriptions (endpoint, owner, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (endpoint) DO UPDATE SET owner = excluded.owner, p256dh = excluded.p256dh, auth = excluded.auth`).run(s.endpoint, s.owner, s.p256dh, s.auth, at);
  }

  remove(endpoint: string, owner?: string): boolean {
    return (owner
      ? this.#sql('DELETE FROM push_subscriptions WHERE endpoint = ? AND owner = ?').run(endpoint, owner)
      : this.#sql('DELETE FROM push_subscriptions WHERE endpoint = ?').run(endpoint)).changes > 0;
  }

  of(owner: string): StoredSubscription[] {
    return this.#sql('SELECT endpoint, owner, p256dh, auth FROM push_subscriptions WHERE owner = ?').all(owner) as StoredSubscription[];
  }

  /** The owners with at least one subscription whose ref starts with the prefix (`person:`), by the owner index. */
  owners(prefix: string): string[] {
    return (this.#sql("SELECT DISTINCT owner FROM push_subscriptions WHERE owner >= ? AND owner < ? || char(1114111)").all(prefix, prefix) as { owner: string }[]).map((r) => r.owner);
  }

  get(endpoint: string): StoredSubscription | undefined {
    return this.#sql('SELECT endpoint, owner, p256dh, auth FROM push_subscriptions WHERE endpoint = ?').get(endpoint) as StoredSubscription | undefined;
  }
}
