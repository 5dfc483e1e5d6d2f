import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReadOnlySite } from '../store/read-only-site.sqlite.ts';
import { GENESIS_HASH } from '../store/hash-chain.ts';

/**
 * `npm run verify -- <site.sqlite>`: walks a site's event log and says whether the chain holds.
 * Opens the file read-only and never migrates it, so it is safe on a copy or a live gateway's file.
 * Exit 0: intact; 1: broken; 2: usage or the file cannot be read.
 */
function fail(message: string): never {
  console.error(`verify: ${message}`);
  process.exit(2);
}

const arg = process.argv[2];
if (!arg) fail('usage: npm run verify -- <site database file>');
// npm runs workspace scripts in the workspace; a relative path means where the command was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
if (!existsSync(file)) fail(`no such file: ${file}`);

let db: ReadOnlySite;
try {
  db = new ReadOnlySite(file);
} catch (error) {
  fail(`cannot open ${file}: ${(error as Error).message}`);
}

try {
  const result = db.verifyLog();
  const head = result.head ?? { seq: 0, hash: GENESIS_HASH };
  if (result.ok) {
    console.log(`ok: ${result.checked} events, head #${head.seq} ${head.hash}`);
  } else {
    console.log(`broken at event #${result.firstBadSeq}: ${result.problem} (${result.checked} events before it are intact)`);
    process.exitCode = 1;
  }
} catch (error) {
  fail(`cannot read the event log in ${file}: ${(error as Error).message}`);
} finally {
  db.close();
}
