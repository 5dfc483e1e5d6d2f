import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { launchChromium } from './chromium.ts';

/** One Chromium and one test gateway shared by a whole file: opened before its first test, closed after its last. */
export interface BrowserSite {
  readonly browser: Browser;
  readonly gw: TestGateway;
}

/** Call once at the top of a `describe`; read `site.browser` and `site.gw` inside its tests. */
export function browserSite(): BrowserSite {
  let browser: Browser | undefined;
  let gw: TestGateway | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });
  return {
    get browser() { if (!browser) throw new Error('Chromium is not open: call browserSite() inside a describe'); return browser; },
    get gw() { if (!gw) throw new Error('the test gateway is not running: call browserSite() inside a describe'); return gw; },
  };
}
