import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { BackupFailed, takeBackup } from './site-backup.ts';

/**
 * `npm run backup -- <file>`: a consistent backup of the site in DOORSIDE_DATA_DIR, taken
 * while the gateway runs (the database is opened read-only beside it and copied with
 * SQLite's backup API). The photos go to `<file>.attachments/`.
 * Exit 0: written; 1: the backup failed; 2: usage or configuration.
 */
const config = loadConfig();
if ('problems' in config) {
  console.error(`backup: the configuration is not valid:\n  ${config.problems.join('\n  ')}`);
  process.exit(2);
}
const arg = process.argv[2];
if (!arg) {
  console.error('backup: usage: npm run backup -- <backup file>');
  process.exit(2);
}
// npm runs workspace scripts in the workspace; a relative path means where the command was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), arg);

try {
  const taken = await takeBackup({ dataDir: config.dataDir, site: config.site, file });
  console.log(`backup: site "${config.site}" written to ${taken.file}: ${taken.events} events, head #${taken.head.seq} ${taken.head.hash}; ${taken.photoCount} photos in ${taken.photos}`);
} catch (error) {
  console.error(`backup: ${error instanceof BackupFailed ? error.message : (error as Error).stack ?? String(error)}`);
  process.exit(1);
}
