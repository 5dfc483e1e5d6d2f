import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: the browser tests load what the gateway serves, so the pages are
 * built from the current source first (a fresh clone's `npm test` needs no other step).
 */
export default function buildPages(): void {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, fileURLToPath(new URL('../build.ts', import.meta.url))], { stdio: 'inherit' });
}
