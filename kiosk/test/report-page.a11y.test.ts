import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { doNotUse, roomOf, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the report page for people who cannot see it well', () => {
  const site = browserSite();

  it('has no serious or critical axe violations on the report form, its checks shown', async () => {
    const page = await site.browser.newPage();
    await openPage(page, roomOf(site.gw, 'r101').reportUrl);
    await page.locator('ds-report-form button[data-send]').click();
    await page.locator('ds-category-picker [role="alert"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations on the Do Not Use notice', async () => {
    await doNotUse(site.gw, 'r102');
    const page = await site.browser.newPage();
    await openPage(page, roomOf(site.gw, 'r102').reportUrl);
    await page.locator('[data-dnu]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});
