import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';

/** Who holds a data folder, as its holder wrote it next to the lock. */
const Holder = z.object({
  what: z.enum(['gateway', 'restore']),
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
  http: z.number().int().nullable(),
  mqtt: z.number().int().nullable(),
});
export type Holder = z.infer<typeof Holder>;

const LOCK_FILE = 'gateway.lock';
const HOLDER_FILE = 'gateway.lock.json';

export class FolderInUse extends Error {
  constructor(readonly dir: string, readonly holder: Holder | null) {
    super(`the data folder ${dir} is in use by ${describe(holder)}: stop that process first, or set DOORSIDE_DATA_DIR to another folder`);
  }
}

function describe(holder: Holder | null): string {
  if (!holder) return 'another process that has not said who it is yet';
  const ports = [holder.http === null ? null : `HTTP port ${holder.http}`, holder.mqtt === null ? null : `MQTT port ${holder.mqtt}`].filter(Boolean);
  const what = holder.what === 'gateway' ? 'a gateway' : 'a restore';
  return `${what} (pid ${holder.pid} on host ${holder.host}${ports.length ? `, ${ports.join(', ')}` : ''}) since ${holder.since}`;
}

/**
 * One process at a time per data folder. The lock is an exclusive transaction held open on
 * a small SQLite file: SQLite takes it with an fcntl lock, which the kernel drops the moment
 * the process dies, however it dies, so a gateway killed with SIGKILL leaves nothing stale
 * behind, and two processes starting at the same instant cannot both win. The site
 * database itself stays unlocked, so read-only tools (verify, backup) keep working beside
 * the holder. Who holds the folder is written to a JSON file next to the lock, only ever
 * by the holder; it is what a refused process reports.
 */
export class FolderLock {
  readonly #db: Database.Database;
  #holder: Holder;

  private constructor(readonly dir: string, db: Database.Database, holder: Holder) {
    this.#db = db;
    this.#holder = holder;
    this.#write();
  }

  /** Takes the folder or throws `FolderInUse` naming who has it. Never waits. */
  static acquire(dir: string, what: Holder['what'], ports: { http?: number | null; mqtt?: number | null } = {}, now = new Date()): FolderLock {
    // Readable by the gateway's user only, like everything else in the data folder.
    closeSync(openSync(join(dir, LOCK_FILE), 'a', 0o600));
    const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new FolderInUse(dir, FolderLock.holder(dir));
      throw error;
    }
    return new FolderLock(dir, db, { what, pid: process.pid, host: hostname(), since: now.toISOString(), http: ports.http ?? null, mqtt: ports.mqtt ?? null });
  }

  /** Who holds the folder by their own account, or null when nobody has said (or the note is unreadable). */
  static holder(dir: string): Holder | null {
    try {
      const parsed = Holder.safeParse(JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Records the ports once they are known (port 0 asks the system for one). */
  announce(ports: { http: number | null; mqtt: number | null }): void {
    this.#holder = { ...this.#holder, ...ports };
    this.#write();
  }

  get held(): boolean {
    return this.#db.open;
  }

  /** Lets the folder go. The lock file stays: removing it could let two processes lock two different files. */
  release(): void {
    if (!this.#db.open) return;
    // The note goes first: once the lock is free, the next holder may already be writing its own.
    rmSync(join(this.dir, HOLDER_FILE), { force: true });
    this.#db.close();
  }

  #write(): void {
    const file = join(this.dir, HOLDER_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(this.#holder)}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
}
