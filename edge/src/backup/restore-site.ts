import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ChainPoint, SITE_RESTORED } from '../contracts/index.ts';
import { openDatabase } from '../store/database.sqlite.ts';
import { FolderLock } from '../store/folder-lock.sqlite.ts';
import { GENESIS_HASH } from '../store/hash-chain.ts';
import { SiteStore } from '../store/site-store.ts';
import { checkDatabase, copyDatabase } from './backup-file.sqlite.ts';
import { backupLibrary, backupPhotos, copyPhotos, siteDatabase, siteLibrary, sitePhotos, takeBackup } from './site-backup.ts';

export class RestoreRefused extends Error {}

export interface RestoreOptions {
  dataDir: string;
  site: string;
  /** The backup file (its photos are in the folder beside it). */
  from: string;
  now: Date;
  /** Restore a backup whose photo folder is missing; the tickets keep naming photos that are gone. */
  withoutPhotos?: boolean;
}

export interface Restored {
  /** The backup's head: the last event the site had when it was taken. */
  backupHead: ChainPoint;
  /** The `site-restored` event, the first of the site's new line. */
  restoredAt: ChainPoint;
  /** The data as it was before the restore, kept as a backup, or null when the folder held no site. */
  keptAs: string | null;
  photoCount: number;
}

/**
 * Replaces a site's data with a backup. It holds the data folder's lock throughout, so it
 * refuses while a gateway runs (and no gateway can start in the middle of it). The backup
 * must pass SQLite's integrity check and its hash chain must verify, with the gateway's own
 * function. What the folder held before is kept as a backup in `backups/`. The restored log
 * gains one event, `site-restored`, naming the backup's head: the central copy takes the
 * new line from there and keeps what it held beyond that point aside, with an alert.
 */
export async function restoreSite(options: RestoreOptions): Promise<Restored> {
  const { dataDir, site, from } = options;
  if (!existsSync(from)) throw new RestoreRefused(`there is no backup at ${from}`);
  const photos = backupPhotos(from);
  if (!existsSync(photos) && !options.withoutPhotos) {
    throw new RestoreRefused(`the backup's photo folder ${photos} is missing: put it beside the file, or restore without photos (--without-photos)`);
  }
  let check;
  try {
    check = checkDatabase(from);
  } catch (error) {
    throw new RestoreRefused(`${from} is not a site backup: ${(error as Error).message}`);
  }
  if (check.integrity.join() !== 'ok') throw new RestoreRefused(`the backup fails SQLite's integrity check: ${check.integrity.slice(0, 3).join('; ')}`);
  if (!check.chain.ok) throw new RestoreRefused(`the backup's event log does not verify: broken at event #${check.chain.firstBadSeq}: ${check.chain.problem}`);
  if (check.sites.some((s) => s !== site)) throw new RestoreRefused(`the backup is of site ${check.sites.join(', ')}, not ${site}`);

  const lock = FolderLock.acquire(dataDir, 'restore', {}, options.now);
  try {
    const target = siteDatabase(dataDir, site);
    const stamp = options.now.toISOString().replace(/[:.]/g, '-');
    const keptAs = existsSync(target) ? join(dataDir, 'backups', `${site}-before-restore-${stamp}.sqlite`) : null;
    if (keptAs) await takeBackup({ dataDir, site, file: keptAs });

    const incoming = `${target}.restoring`;
    rmSync(incoming, { force: true });
    await copyDatabase(from, incoming);
    const backupHead = check.chain.head ?? { seq: 0, hash: GENESIS_HASH };
    const store = new SiteStore(openDatabase(incoming), site);
    let restoredAt: ChainPoint;
    try {
      store.transact('system:restore', options.now.toISOString(), (tx) => tx.record(SITE_RESTORED, `site:${site}`, { backup: backupHead, file: basename(from) }));
      restoredAt = store.log.head;
    } finally {
      store.close();
    }
    // A WAL left beside the old file would be replayed onto the new one.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(incoming, target);

    const photosIncoming = `${sitePhotos(dataDir)}.restoring`;
    rmSync(photosIncoming, { recursive: true, force: true });
    const photoCount = copyPhotos(photos, photosIncoming, false);
    rmSync(sitePhotos(dataDir), { recursive: true, force: true });
    renameSync(photosIncoming, sitePhotos(dataDir));
    // A backup from before documents were kept has no folder for them: the library stays as it is.
    if (existsSync(backupLibrary(from))) {
      const libraryIncoming = `${siteLibrary(dataDir)}.restoring`;
      rmSync(libraryIncoming, { recursive: true, force: true });
      copyPhotos(backupLibrary(from), libraryIncoming, false);
      rmSync(siteLibrary(dataDir), { recursive: true, force: true });
      renameSync(libraryIncoming, siteLibrary(dataDir));
    }
    return { backupHead, restoredAt, keptAs, photoCount };
  } finally {
    lock.release();
  }
}
