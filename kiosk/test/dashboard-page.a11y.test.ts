import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { dashboardUser, openSection, rejectedMaintenance, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the facility dashboard for people who cannot see it well', () => {
  const site = browserSite();

  it('has no serious or critical axe violations on the sign-in form', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.gw.http}/dashboard`);
    await page.getByLabel('Username').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations signed in, with a rejected room, figures and a ticket open', async () => {
    const { id } = await rejectedMaintenance(site.gw, 'r102', 'Safety hazard remains');
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r102"][data-status="do_not_use"]').waitFor(seen);
    const serious = await seriousViolations(page);
    await openSection(page, 'figures');
    await page.locator('ds-bar-chart[data-chart="open"]').getByRole('row', { name: /Escalated\s+1/ }).waitFor(seen);
    serious.push(...await seriousViolations(page));
    await openSection(page, 'audit');
    await page.locator('ds-audit-trail [data-chain="ok"]').waitFor(seen);
    serious.push(...await seriousViolations(page));
    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${id}"] button`).click();
    await page.locator(`ds-ticket-detail [data-detail="${id}"]`).waitFor(seen);

    serious.push(...await seriousViolations(page));
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations at phone width', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);

    const serious = await seriousViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.close();

    expect(serious).toEqual([]);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
