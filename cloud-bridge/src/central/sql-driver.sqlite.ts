import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import type { BulkColumn, SqlDriver, SqlRunner } from './sql-driver.ts';

/**
 * better-sqlite3 behind the async driver interface. Its calls are synchronous, so an
 * open transaction is guarded by a queue: a second transaction, or a read, waits until
 * the first commits rather than slipping into it while it awaits.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly lockRows = '';
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // The central copy is the evidence: a batch answered 200 must survive a power cut.
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
  }

  readonly #runner: SqlRunner = {
    all: async <T>(sql: string, params: readonly unknown[] = []) => this.#statement(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => this.#statement(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => this.#statement(sql).run(...params).changes,
    insertMany: async (table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], tail = '') => {
      const insert = this.#statement(`INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${tail}`);
      for (const row of rows) insert.run(...row);
    },
  };

  async all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    await this.#queue;
    return this.#runner.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    await this.#queue;
    return this.#runner.get<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.transact((tx) => tx.run(sql, params));
  }

  insertMany(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], tail?: string): Promise<void> {
    return this.transact((tx) => tx.insertMany(table, columns, rows, tail));
  }

  transact<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const turn = this.#queue.then(async () => {
      this.#statement('BEGIN IMMEDIATE').run();
      try {
        const result = await work(this.#runner);
        this.#statement('COMMIT').run();
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#statement('ROLLBACK').run();
        throw error;
      }
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async close(): Promise<void> {
    await this.#queue;
    this.#db.close();
  }

  #statement(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
