import { describe, expect, it } from 'vitest';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { finished, openPage, report, roomOf } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the occupant report page follows its room', { timeout: 60_000 }, () => {
  const site = browserSite();

  it('shows the room turn service due after someone else reports, then Do Not Use, without a reload', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openPage(page, roomOf(site.gw, 'r102').reportUrl);
    const badge = page.locator('ds-room-header [data-status]');
    await badge.waitFor(seen);
    expect(await badge.getAttribute('data-status')).toBe('available');
    await page.evaluate(() => { (window as { sameDocument?: boolean }).sameDocument = true; });

    await report(site.gw, 'r102', 'cleaning', 'Bins overflowing');
    await page.locator('ds-room-header [data-status="service_due"]').waitFor(seen);

    // A supervisor rejects a finished repair; the maintenance policy puts the room out of use.
    const repair = await finished(site.gw, 'r102', 'maintenance');
    const res = await site.gw.call('POST', `/api/tickets/${repair.id}/reject`, { cookie: await site.gw.login('marco'), body: { reason: 'Safety hazard remains' } });
    expect(res.body.room.status).toBe('do_not_use');
    await page.locator('ds-room-header [data-status="do_not_use"]').waitFor(seen);
    await page.locator('[data-dnu]').getByText('Safety hazard remains').waitFor(seen);

    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.close();
  });

  it('shows the new status right after its own report', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openPage(page, roomOf(site.gw, 'r103').reportUrl);
    await page.locator('ds-room-header [data-status="available"]').waitFor(seen);
    await page.locator('ds-category-picker label[data-category="cleaning"]').click();
    await page.locator('ds-report-form textarea[name="description"]').fill('Paper towels are out');
    await page.locator('ds-report-form button[data-send]').click();

    await page.locator('ds-report-sent [data-sent]').waitFor(seen);
    await page.locator('ds-room-header [data-status="service_due"]').waitFor(seen);
    await page.close();
  });
});
