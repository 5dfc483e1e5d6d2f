import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../store/database.sqlite.ts';
import { SiteStore } from '../store/site-store.ts';
import { DailyBackups } from './daily-backups.ts';

let dir: string;
let store: SiteStore;
let backups: DailyBackups;
const write = (text: string) => store.transact('user:ana', new Date().toISOString(), (tx) => tx.record('note-written', 'note:1', { text }));
const daily = () => readdirSync(join(dir, 'backups')).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-daily-'));
  store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
  mkdirSync(join(dir, 'attachments'));
  writeFileSync(join(dir, 'attachments', 'A-photo.jpg'), 'jpeg bytes');
});
afterEach(async () => {
  await backups.stop();
  vi.useRealTimers();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the daily backup', () => {
  it('takes one backup a day on its schedule and keeps the newest seven', async () => {
    // Only the clock and timers are driven; the backup's own I/O runs for real.
    vi.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    backups = new DailyBackups({ dataDir: dir, site: 'demo', db: store.db, keep: 7, clock: () => new Date().toISOString(), say: () => {} });
    backups.start();

    for (let day = 1; day <= 10; day++) {
      write(`day ${day}`);
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      const expected = `demo-${new Date().toISOString().slice(0, 10)}.sqlite`;
      await vi.waitFor(() => expect(daily()).toContain(expected), { timeout: 10_000 });
    }

    const files = daily().filter((f) => f.endsWith('.sqlite'));
    expect(files).toEqual(['05', '06', '07', '08', '09', '10', '11'].map((d) => `demo-2026-03-${d}.sqlite`));
    // Each day: the database, its photos and its documents.
    expect(daily()).toHaveLength(21);
    expect(readdirSync(join(dir, 'backups', 'demo-2026-03-11.sqlite.attachments'))).toEqual(['A-photo.jpg']);
  });

  it('takes no second backup on a day that has one, and leaves backups of other names alone', async () => {
    let now = '2026-03-01T09:00:00.000Z';
    backups = new DailyBackups({ dataDir: dir, site: 'demo', db: store.db, keep: 2, clock: () => now, say: () => {} });
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'demo-before-restore-2026-01-01.sqlite'), '');

    const first = await backups.tick();
    const again = await backups.tick();
    for (const day of ['02', '03', '04']) { now = `2026-03-${day}T00:05:00.000Z`; await backups.tick(); }

    expect(first).toBe(join(dir, 'backups', 'demo-2026-03-01.sqlite'));
    expect(again).toBeNull();
    expect(daily().filter((f) => f.endsWith('.sqlite'))).toEqual(['demo-2026-03-03.sqlite', 'demo-2026-03-04.sqlite', 'demo-before-restore-2026-01-01.sqlite']);
  });
});
