import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { FolderInUse } from '../store/folder-lock.sqlite.ts';
import { RestoreRefused, restoreSite } from './restore-site.ts';

/**
 * `npm run restore -- <file> [--without-photos]`: replaces the site in DOORSIDE_DATA_DIR with
 * a backup. Refuses while a gateway holds the folder, and refuses a backup that fails
 * SQLite's integrity check or whose hash chain does not verify.
 * Exit 0: restored; 1: refused; 2: usage or configuration.
 */
const config = loadConfig();
if ('problems' in config) {
  console.error(`restore: the configuration is not valid:\n  ${config.problems.join('\n  ')}`);
  process.exit(2);
}
const args = process.argv.slice(2);
const withoutPhotos = args.includes('--without-photos');
const files = args.filter((a) => a !== '--without-photos');
if (files.length !== 1) {
  console.error('restore: usage: npm run restore -- <backup file> [--without-photos]');
  process.exit(2);
}
const from = resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!);

try {
  const restored = await restoreSite({ dataDir: config.dataDir, site: config.site, from, now: new Date(), withoutPhotos });
  console.log(`restore: site "${config.site}" in ${config.dataDir} now holds ${from} (head #${restored.backupHead.seq}) and ${restored.photoCount} photos.
  The log goes on with event #${restored.restoredAt.seq}, site-restored; the central copy keeps any events it holds beyond #${restored.backupHead.seq} aside and raises an alert.
  ${restored.keptAs ? `What the folder held before is kept in ${restored.keptAs}.` : 'The folder held no site before.'}`);
} catch (error) {
  if (error instanceof RestoreRefused || error instanceof FolderInUse) {
    console.error(`restore: refused: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
