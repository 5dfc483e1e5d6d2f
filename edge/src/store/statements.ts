import type { Statement } from 'better-sqlite3';
import type { Db } from './database.sqlite.ts';

/** Compiles each SQL text once per database; compiling on every call costs more than running it. */
export function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
