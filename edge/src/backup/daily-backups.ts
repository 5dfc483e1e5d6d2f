import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { schedule, type ScheduledTask } from 'node-cron';
import type { Db } from '../store/database.sqlite.ts';
import { backupLibrary, backupPhotos, takeBackup } from './site-backup.ts';

export interface DailyBackupOptions {
  dataDir: string;
  site: string;
  /** The gateway's own connection: SQLite keeps a backup through it consistent with its writes. */
  db: Db;
  /** How many daily backups to keep; older ones are removed after each new one. */
  keep: number;
  clock: () => string;
  say: (line: string) => void;
}

/** Where the daily backups live: `backups/` in the data folder. */
export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/**
 * One backup a day in `backups/` (`{site}-YYYY-MM-DD.sqlite` and its photo folder, by UTC
 * date), the newest `keep` kept. A tick every ten minutes takes the day's backup if it is
 * not there yet, so a gateway that was down at midnight catches up as soon as it runs, and
 * a restart never takes a second one. Backups taken by hand or before a restore have other
 * names and are never removed.
 */
export class DailyBackups {
  #task: ScheduledTask | undefined;
  #running: Promise<string | null> | null = null;

  constructor(private readonly options: DailyBackupOptions) {}

  start(): void {
    this.#task = schedule('*/10 * * * *', async () => {
      try {
        await this.tick();
      } catch (error) {
        this.options.say(`daily backup failed: ${(error as Error).message}`);
      }
    }, { noOverlap: true, name: 'daily-backup' });
  }

  /** Takes today's backup unless it exists (or one is being taken); answers the file written. */
  tick(): Promise<string | null> {
    if (this.#running) return Promise.resolve(null);
    const day = this.options.clock().slice(0, 10);
    const file = join(backupsDir(this.options.dataDir), `${this.options.site}-${day}.sqlite`);
    if (existsSync(file)) return Promise.resolve(null);
    this.#running = (async () => {
      await takeBackup({ dataDir: this.options.dataDir, site: this.options.site, file, db: this.options.db });
      this.prune();
      return file;
    })().finally(() => { this.#running = null; });
    return this.#running;
  }

  /** Removes daily backups beyond the newest `keep`; answers the files removed. */
  prune(): string[] {
    const dir = backupsDir(this.options.dataDir);
    const daily = new RegExp(`^${this.options.site}-\\d{4}-\\d{2}-\\d{2}\\.sqlite$`);
    const files = readdirSync(dir).filter((name) => daily.test(name)).sort();
    const old = files.slice(0, Math.max(0, files.length - this.options.keep)).map((name) => join(dir, name));
    for (const file of old) {
      rmSync(file, { force: true });
      rmSync(backupPhotos(file), { recursive: true, force: true });
      rmSync(backupLibrary(file), { recursive: true, force: true });
    }
    return old;
  }

  async stop(): Promise<void> {
    await this.#task?.stop();
    await this.#running?.catch(() => undefined);
  }
}
