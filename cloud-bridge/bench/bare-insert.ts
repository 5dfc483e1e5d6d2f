import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { LogGenerator } from './log-generator.ts';

const CHUNK = 500;
const COLUMNS = 'site, seq, at, actor, type, entity, state, prev_hash, hash';
const TABLE = `CREATE TABLE bare_events (site TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL,
  entity TEXT NOT NULL, state TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (site, seq))`;
// The same secondary indexes as the central server's events table, so the ceiling pays what ingest pays for them.
const INDEXES = ['CREATE INDEX bare_by_entity ON bare_events (site, entity, seq)', 'CREATE INDEX bare_by_type ON bare_events (site, type, seq)'];

const rowOf = (site: string, e: { seq: number; at: string; actor: string; type: string; entity: string; state: string; prevHash: string; hash: string }) =>
  [site, e.seq, e.at, e.actor, e.type, e.entity, e.state, e.prevHash, e.hash];

export interface Ceiling { events: number; seconds: number; perSecond: number }

/**
 * The ceiling for ingest: the same rows, no HTTP, no parsing, no verification, no
 * projection — 500-row `INSERT … ON CONFLICT DO NOTHING` on one connection, committed
 * every `commitEvery` rows like ingest commits once per batch. Only the inserts are timed.
 */
export async function bareSqlite(dir: string, total: number, commitEvery: number): Promise<Ceiling> {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`${TABLE} WITHOUT ROWID`);
  for (const index of INDEXES) db.exec(index);
  const insert = db.prepare(`INSERT INTO bare_events (${COLUMNS}) VALUES ${Array(CHUNK).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`);
  const commit = db.transaction((rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += CHUNK) insert.run(rows.slice(i, i + CHUNK).flat());
  });
  const gen = new LogGenerator('big');
  let seconds = 0;
  for (let done = 0; done < total; done += commitEvery) {
    const rows = gen.next(commitEvery).map((e) => rowOf('big', e));
    const t0 = performance.now();
    commit(rows);
    seconds += (performance.now() - t0) / 1000;
  }
  db.close();
  return { events: total, seconds, perSecond: total / seconds };
}

export async function barePostgres(url: string, total: number, commitEvery: number): Promise<Ceiling> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(TABLE);
  for (const index of INDEXES) await client.query(index);
  const values = Array.from({ length: CHUNK }, (_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')})`).join(', ');
  const text = `INSERT INTO bare_events (${COLUMNS}) VALUES ${values} ON CONFLICT DO NOTHING`;
  const gen = new LogGenerator('big');
  let seconds = 0;
  for (let done = 0; done < total; done += commitEvery) {
    const rows = gen.next(commitEvery).map((e) => rowOf('big', e));
    const t0 = performance.now();
    await client.query('BEGIN');
    for (let i = 0; i < rows.length; i += CHUNK) await client.query({ name: 'bare-insert', text, values: rows.slice(i, i + CHUNK).flat() });
    await client.query('COMMIT');
    seconds += (performance.now() - t0) / 1000;
  }
  await client.end();
  return { events: total, seconds, perSecond: total / seconds };
}
