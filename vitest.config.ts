import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['edge/**/*.test.ts', 'firmware-config/**/*.test.ts', 'kiosk/**/*.test.ts', 'cloud-bridge/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each test file starts its own gateway, data folder and ports, so the files share their
    // worker's loaded modules instead of loading them again each time. One file at a time: two
    // browser files at once on two cores starve a gateway's answers past the fuzz test's limit.
    isolate: false,
    maxWorkers: 1,
    // The kiosk pages are bundled once before any test, so browser tests load the current source.
    globalSetup: ['kiosk/test/build-pages.ts'],
  },
});
