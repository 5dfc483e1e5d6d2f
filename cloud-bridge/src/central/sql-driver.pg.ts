import { createHash } from 'node:crypto';
import pg from 'pg';
import type { BulkColumn, SqlDriver, SqlRunner } from './sql-driver.ts';

// Counts and sums come back as int8/numeric; every figure here fits a JS number.
const asNumber = (text: string) => Number(text);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (oid === 20 || oid === 1700 ? asNumber : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

/** `?` placeholders become `$1…`; the statements here never hold a literal question mark. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const names = new Map<string, string>();
/** Named statements are prepared once per connection and reused, which saves a parse per call. */
function query(sql: string, params: readonly unknown[]): pg.QueryConfig {
  let name = names.get(sql);
  if (!name) {
    name = `c${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    names.set(sql, name);
  }
  return { name, text: numbered(sql), values: params as unknown[] };
}

const CHUNK_ROWS = 500;
const inserts = new Map<string, string>();

/** `INSERT INTO t (…) VALUES ($1, $2, …), (…) tail` for `count` rows, built once per shape. */
function multiRowInsert(table: string, columns: readonly BulkColumn[], count: number, tail: string): string {
  const key = `${table}|${columns.length}|${count}|${tail}`;
  let sql = inserts.get(key);
  if (!sql) {
    const width = columns.length;
    const rows = Array.from({ length: count }, (_, r) => `(${columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
    sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES ${rows.join(', ')} ${tail}`;
    if (count === CHUNK_ROWS) inserts.set(key, sql);
  }
  return sql;
}

function runnerOf(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(query(sql, params))).rows as T[];
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(query(sql, params))).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await client.query(query(sql, params))).rowCount ?? 0;
    },
    async insertMany(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], tail = '') {
      // Rows go as plain parameters, 500 to a statement: each full chunk reuses one prepared
      // statement. (Arrays through unnest cost five times the CPU here: pg escapes every element.)
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        const chunk = rows.slice(i, i + CHUNK_ROWS);
        const sql = multiRowInsert(table, columns, chunk.length, tail);
        const values = chunk.flat();
        await client.query(chunk.length === CHUNK_ROWS ? { ...query(sql, values), text: sql } : { text: sql, values });
      }
    },
  };
}

/** PostgreSQL through a `pg` pool; several central processes may share one database. */
export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly lockRows = ' FOR UPDATE';
  readonly #pool: pg.Pool;
  readonly #runner: SqlRunner;

  constructor(connectionString: string, poolSize = 10) {
    this.#pool = new pg.Pool({ connectionString, max: poolSize, types });
    // An idle connection the server dropped must not take the process down.
    this.#pool.on('error', () => undefined);
    this.#runner = runnerOf(this.#pool);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> { return this.#runner.all<T>(sql, params); }
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> { return this.#runner.get<T>(sql, params); }
  run(sql: string, params?: readonly unknown[]): Promise<number> { return this.#runner.run(sql, params); }
  insertMany(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], tail?: string): Promise<void> {
    return this.#runner.insertMany(table, columns, rows, tail);
  }

  async transact<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(runnerOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
