import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['edge/**/*.test.ts', 'firmware-config/**/*.test.ts', 'kiosk/**/*.test.ts', 'cloud-bridge/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each test file starts its own gateway, data folder and ports, so files share their worker's
    // loaded modules instead of loading them again each time; and at least two run at once, as
    // most of a file's time is spent waiting on a browser, a disk or a server.
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The kiosk pages are bundled once before any test, so browser tests load the current source.
    globalSetup: ['kiosk/test/build-pages.ts'],
  },
});
