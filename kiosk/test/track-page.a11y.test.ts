import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finished, report, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the tracking page for people who cannot see it well', () => {
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

  it('has no serious or critical axe violations while the job is under way', async () => {
    const { token } = await report(gw, 'r101', 'cleaning');
    const page = await browser.newPage();
    await openPage(page, `${gw.http}/track/${token}`);
    await page.locator('ds-track-steps li[aria-current="step"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations with the rating and "not resolved" forms open', async () => {
    const { token } = await finished(gw, 'r102', 'cleaning');
    const page = await browser.newPage();
    await openPage(page, `${gw.http}/track/${token}`);
    await page.locator('button[data-dispute]').click();
    await page.locator('ds-dispute-form form').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});
