import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['edge/**/*.test.ts', 'firmware-config/**/*.test.ts', 'kiosk/**/*.test.ts', 'cloud-bridge/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The kiosk pages are bundled once before any test, so browser tests load the current source.
    globalSetup: ['kiosk/test/build-pages.ts'],
  },
});
