import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Site settings kept as key and value: the bridge key's digest, integrations' accounts. */
export class Meta {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(key: string): string | undefined {
    return (this.#sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** Sets several keys in one transaction. */
  set(entries: Record<string, string>): void {
    const insert = this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#sql('SAVEPOINT meta').run();
    try {
      for (const [key, value] of Object.entries(entries)) insert.run(key, value);
      this.#sql('RELEASE meta').run();
    } catch (error) {
      this.#sql('ROLLBACK TO meta').run();
      this.#sql('RELEASE meta').run();
      throw error;
    }
  }
}
