import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.sqlite.ts';

// Runs in its own thread with its own connection: a PASSIVE checkpoint copies the WAL
// into the database file while the gateway keeps writing.
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 50');
const timer = setInterval(() => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} }, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface WalCheckpointer { stop(): Promise<void> }

/**
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold,
 * so now and then one request pays for copying a thousand pages and an fsync of the
 * database file. Here the gateway's own connection never checkpoints; a worker
 * thread does it every second instead.
 */
export function startWalCheckpointer(db: Db, everyMs = 1_000): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { driver, file: db.name, everyMs } });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let failed = false;
  worker.on('error', () => {
    // Without the worker, fall back to SQLite's own checkpoints rather than let the WAL grow.
    failed = true;
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      if (!failed) {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        // Unreferenced so it never keeps the gateway alive, but stopping must be waited for.
        worker.ref();
        worker.postMessage('stop');
        await exited;
      }
      try {
        if (db.open) db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // A full disk cannot take the last checkpoint; the WAL stays and the next start replays it.
      }
    },
  };
}
