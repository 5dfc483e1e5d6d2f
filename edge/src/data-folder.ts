import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The data folder and every folder in it: its owner only. */
export const PRIVATE_FOLDER = 0o700;
/** Every file in the data folder: the database, its WAL, photos, credentials. */
export const PRIVATE_FILE = 0o600;

/**
 * Makes the data folder readable by the gateway's own user only: the folder and the folders
 * in it 0700, every file 0600. A folder an older gateway left open is tightened at start; a
 * file the process may not change (another owner) is named through `say` and left. Files in
 * `files` are created empty first where missing, so SQLite opens a database that is private
 * from its first byte and makes its WAL and shared-memory files with the same mode.
 */
export function privateDataFolder(dir: string, { files = [], say = () => {} }: { files?: string[]; say?: (line: string) => void } = {}): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  const refused: string[] = [];
  tighten(dir, refused);
  for (const name of files) {
    const path = join(dir, name);
    if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE));
  }
  if (refused.length > 0) say(`Data folder: could not make ${refused.length} entries private (not owned by this user), e.g. ${refused[0]}`);
}

function tighten(path: string, refused: string[]): void {
  chmod(path, PRIVATE_FOLDER, refused);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const inner = join(path, entry.name);
    if (entry.isDirectory()) tighten(inner, refused);
    else if (entry.isFile()) chmod(inner, PRIVATE_FILE, refused);
  }
}

function chmod(path: string, mode: number, refused: string[]): void {
  try {
    chmodSync(path, mode);
  } catch {
    refused.push(path);
  }
}
