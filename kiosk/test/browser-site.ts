import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import type { GatewayOptions } from '../../edge/src/gateway.ts';
import { launchChromium } from './chromium.ts';

/** One Chromium for a whole file, and a test gateway for the file or, fresh, for each test. */
export interface BrowserSite {
  readonly browser: Browser;
  readonly gw: TestGateway;
}

/**
 * Call once at the top of a `describe`; read `site.browser` and `site.gw` inside its tests.
 * With `gatewayPerTest`, each test gets a new demo site, stopped after the file's own
 * `afterEach` hooks (so pages close before their gateway goes).
 */
export function browserSite(options: { gatewayPerTest?: boolean; gateway?: Partial<GatewayOptions> } = {}): BrowserSite {
  let browser: Browser | undefined;
  let gw: TestGateway | undefined;
  const start = async () => { gw = await startTestGateway(options.gateway); };
  const stop = async () => { await gw?.stop(); gw = undefined; };
  beforeAll(async () => {
    browser = await launchChromium();
    if (!options.gatewayPerTest) await start();
  });
  afterAll(async () => {
    await browser?.close();
    await stop();
  });
  if (options.gatewayPerTest) {
    beforeEach(start);
    afterEach(stop);
  }
  return {
    get browser() { if (!browser) throw new Error('Chromium is not open: call browserSite() inside a describe'); return browser; },
    get gw() { if (!gw) throw new Error('the test gateway is not running: call browserSite() inside a describe'); return gw; },
  };
}
