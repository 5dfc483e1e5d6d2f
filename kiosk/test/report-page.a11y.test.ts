import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { doNotUse, roomOf, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the report page for people who cannot see it well', () => {
  let browser: Browser;
  let gw: TestGateway;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('has no serious or critical axe violations on the report form, its checks shown', async () => {
    const page = await browser.newPage();
    await openPage(page, roomOf(gw, 'r101').reportUrl);
    await page.locator('ds-report-form button[data-send]').click();
    await page.locator('ds-category-picker [role="alert"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations on the Do Not Use notice', async () => {
    await doNotUse(gw, 'r102');
    const page = await browser.newPage();
    await openPage(page, roomOf(gw, 'r102').reportUrl);
    await page.locator('[data-dnu]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});
