import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.sqlite.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

let dir: string;
let db: Db;
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeRows(n: number) {
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (let i = 0; i < n; i++) insert.run(`k${i}`, 'x'.repeat(2_000));
}

describe('the WAL checkpointer', () => {
  it('copies committed pages into the database file from its own thread', async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorside-wal-'));
    db = openDatabase(join(dir, 'site.sqlite'));
    const checkpointer = startWalCheckpointer(db, 50);
    const before = statSync(db.name).size;

    writeRows(300);
    await sleep(400);

    expect(statSync(db.name).size).toBeGreaterThan(before + 300 * 2_000);
    await checkpointer.stop();
  });

  it('leaves the gateway connection without automatic checkpoints and empties the WAL on stop', async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorside-wal-'));
    db = openDatabase(join(dir, 'site.sqlite'));
    const checkpointer = startWalCheckpointer(db, 60_000);

    writeRows(50);
    await checkpointer.stop();

    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(statSync(`${db.name}-wal`).size).toBe(0);
  });
});
