import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChainPoint } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';
import { checkDatabase, copyDatabase } from './backup-file.sqlite.ts';

/** The site's database in its data folder. */
export const siteDatabase = (dataDir: string, site: string) => join(dataDir, `${site}.sqlite`);
/** The site's photos (attachments) in its data folder. */
export const sitePhotos = (dataDir: string) => join(dataDir, 'attachments');
/** A backup's photos: a folder beside the backup file, named after it. */
export const backupPhotos = (file: string) => `${file}.attachments`;
/** The site's documents for tenants and staff (house rules, fire plans, contracts) in its data folder. */
export const siteLibrary = (dataDir: string) => join(dataDir, 'library');
/** A backup's documents: a folder beside the backup file, named after it. */
export const backupLibrary = (file: string) => `${file}.library`;

export interface BackupTaken {
  file: string;
  photos: string;
  head: ChainPoint;
  events: number;
  photoCount: number;
}

export class BackupFailed extends Error {}

/**
 * Backs a site up into `file` (the database, via SQLite's backup API), `file.attachments/`
 * (its photos) and `file.library/` (its documents). The photos are taken after the database snapshot: a photo is on disk before
 * the change that names it commits, so every photo the snapshot refers to is in the copy.
 * Photos never change once written, so each is hard-linked where the backup shares the
 * data folder's file system (a daily backup costs no space for them) and copied elsewhere.
 * Nothing is left under `file` unless the copy opened, passed SQLite's integrity check and
 * its hash chain verified.
 */
export async function takeBackup(options: { dataDir: string; site: string; file: string; db?: Db }): Promise<BackupTaken> {
  const { dataDir, site, file } = options;
  const source = options.db ?? siteDatabase(dataDir, site);
  if (typeof source === 'string' && !existsSync(source)) throw new BackupFailed(`there is no site database at ${source}`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const photosPartial = `${backupPhotos(file)}.partial`;
  const libraryPartial = `${backupLibrary(file)}.partial`;
  rmSync(partial, { force: true });
  rmSync(photosPartial, { recursive: true, force: true });
  rmSync(libraryPartial, { recursive: true, force: true });
  try {
    await copyDatabase(source, partial);
    const check = checkDatabase(partial);
    if (check.integrity.join() !== 'ok') throw new BackupFailed(`the copy fails SQLite's integrity check: ${check.integrity.slice(0, 3).join('; ')}`);
    if (!check.chain.ok) throw new BackupFailed(`the copy's event log is broken at event #${check.chain.firstBadSeq}: ${check.chain.problem}`);
    const photoCount = copyPhotos(sitePhotos(dataDir), photosPartial);
    // Documents are never changed once written either; their digests are in the copied log.
    copyPhotos(siteLibrary(dataDir), libraryPartial);
    rmSync(backupPhotos(file), { recursive: true, force: true });
    renameSync(photosPartial, backupPhotos(file));
    rmSync(backupLibrary(file), { recursive: true, force: true });
    renameSync(libraryPartial, backupLibrary(file));
    renameSync(partial, file);
    return { file, photos: backupPhotos(file), head: check.chain.head ?? { seq: 0, hash: '0'.repeat(64) }, events: check.chain.checked, photoCount };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(photosPartial, { recursive: true, force: true });
    rmSync(libraryPartial, { recursive: true, force: true });
    throw error;
  }
}

/** Copies every photo file from `from` into a new folder `to` (linking where it can); answers how many. */
export function copyPhotos(from: string, to: string, link = true): number {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return 0;
  let count = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    try {
      if (!link) throw new Error('copy');
      linkSync(source, target);
    } catch {
      try {
        copyFileSync(source, target);
      } catch (error) {
        // Removed meanwhile (an upload that was refused): it belongs to nothing.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
    }
    count += 1;
  }
  return count;
}
