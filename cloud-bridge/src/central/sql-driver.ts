/** A column of a bulk insert. */
export interface BulkColumn { name: string }

/** The statements the central store runs, in a transaction or not. Placeholders are `?`. */
export interface SqlRunner {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a write; answers how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Inserts many rows in as few round trips as the engine allows; `tail` is an ON CONFLICT clause. */
  insertMany(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], tail?: string): Promise<void>;
}

/**
 * One database behind the central server: a SQLite file (one process) or PostgreSQL
 * (several processes). Everything above this speaks portable SQL; the few places that
 * differ ask `dialect`.
 */
export interface SqlDriver extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** Appended to a SELECT that must lock the rows it reads until the transaction ends. */
  readonly lockRows: string;
  transact<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `IN (?, ?, ?)` for a list of values. */
export const placeholders = (values: readonly unknown[]) => `(${values.map(() => '?').join(', ')})`;
