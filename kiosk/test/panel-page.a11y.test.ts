import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { finishedCleaning, panelOf } from './panel-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the door panel page for people who cannot see it well', () => {
  const site = browserSite();

  it('has no serious or critical axe violations on the keypad', async () => {
    const page = await site.browser.newPage();
    await page.goto(panelOf(site.gw, 'r102').url);
    await page.locator('ds-pin-pad button[data-digit="1"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations when signed in with a finished service', async () => {
    const id = await finishedCleaning(site.gw, 'r103');
    const { url, pin } = panelOf(site.gw, 'r103');
    const page = await site.browser.newPage();
    await page.goto(url);
    for (const digit of pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`[data-ticket="${id}"]`).waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});


