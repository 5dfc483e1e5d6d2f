import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { finished, report, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the tracking page for people who cannot see it well', () => {
  const site = browserSite();

  it('has no serious or critical axe violations while the job is under way', async () => {
    const { token } = await report(site.gw, 'r101', 'cleaning');
    const page = await site.browser.newPage();
    await openPage(page, `${site.gw.http}/track/${token}`);
    await page.locator('ds-track-steps li[aria-current="step"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations with the rating and "not resolved" forms open', async () => {
    const { token } = await finished(site.gw, 'r102', 'cleaning');
    const page = await site.browser.newPage();
    await openPage(page, `${site.gw.http}/track/${token}`);
    await page.locator('button[data-dispute]').click();
    await page.locator('ds-dispute-form form').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});
