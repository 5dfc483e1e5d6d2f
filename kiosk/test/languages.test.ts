import { describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { report, roomOf, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)("the occupant pages in the occupant's language", () => {
  const site = browserSite();

  it('switches the report page to Chinese, Norwegian and Dutch with the language menu', async () => {
    const page = await site.browser.newPage({ locale: 'en-GB' });
    await openPage(page, roomOf(site.gw, 'r101').reportUrl);
    await page.locator('ds-report-form button[data-send]').getByText(catalogs.en['report.send']).waitFor(seen);
    const shown: Record<string, string[]> = {};

    for (const lang of ['zh', 'nb', 'nl'] as const) {
      await page.locator('ds-lang-switch select').selectOption(lang);
      await page.locator('ds-report-form button[data-send]').getByText(catalogs[lang]['report.send']).waitFor(seen);
      shown[lang] = [
        (await page.locator('ds-category-picker legend').textContent())!.trim(),
        (await page.locator('ds-category-picker label[data-category="cleaning"]').textContent())!.trim(),
        await page.evaluate(() => document.documentElement.lang),
        new URL(page.url()).searchParams.get('lang')!,
      ];
    }
    await page.close();

    expect(shown).toEqual({
      zh: [catalogs.zh['report.categoryLegend'], catalogs.zh['report.category.cleaning'], 'zh', 'zh'],
      nb: [catalogs.nb['report.categoryLegend'], catalogs.nb['report.category.cleaning'], 'nb', 'nb'],
      nl: [catalogs.nl['report.categoryLegend'], catalogs.nl['report.category.cleaning'], 'nl', 'nl'],
    });
  });

  it.each([['report', 'r104'], ['track', 'r105']] as const)('offers the languages on the %s page as one compact menu on a phone', async (which, room) => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    const url = which === 'report' ? roomOf(site.gw, room).reportUrl : `${site.gw.http}/track/${(await report(site.gw, room, 'cleaning')).token}`;
    await openPage(page, url);

    const menu = page.locator('ds-lang-switch select');
    await menu.waitFor(seen);
    const box = (await page.locator('ds-lang-switch').boundingBox())!;

    expect(await menu.locator('option').count()).toBe(4);
    expect(box.height).toBeLessThan(60);
    expect(box.width).toBeLessThan(200);
    await page.close();
  });

  it("opens the report page in the browser's language when it is one of the four", async () => {
    const context = await site.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    await openPage(page, roomOf(site.gw, 'r102').reportUrl);

    await page.locator('ds-category-picker legend').getByText(catalogs.nb['report.categoryLegend']).waitFor(seen);
    expect(await page.locator('ds-lang-switch select').inputValue()).toBe('nb');
    await context.close();
  });

  it('takes ?lang= on the tracking page over the browser language', async () => {
    const { token } = await report(site.gw, 'r103', 'cleaning');
    const context = await site.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();

    await openPage(page, `${site.gw.http}/track/${token}?lang=nl`);

    await page.locator('ds-track-steps li[data-step="reported"]').getByText(catalogs.nl['track.step.reported']).waitFor(seen);
    expect(await page.locator('ds-track-steps li[data-step="verified"]').textContent()).toContain(catalogs.nl['track.step.verified']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await context.close();
  });
});
