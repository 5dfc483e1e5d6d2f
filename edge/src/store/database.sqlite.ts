import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens a site database. WAL with synchronous=FULL: a commit returns only after
 * the log is on disk, so an acknowledged change survives power loss.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Each command runs in a savepoint of its group's transaction: the pages it touches first are
  // copied to a sub-journal, kept in memory rather than in a temporary file.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}
