import { describe, expect, it } from 'vitest';
import { demoCategories } from '../../edge/src/seed/demo-building.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { dashboardUser, rejectedMaintenance, signInTo } from './dashboard-fixture.ts';
import { finishedCleaning } from './panel-fixture.ts';

const seen = { timeout: 15_000 };
const inChinese = (category: string, reason: string) => demoCategories.find((c) => c.id === category)!.reasonNames![reason]!.zh!;

describe.skipIf(!hasChromium)('rejection reasons in the reader\'s language', { timeout: 60_000 }, () => {
  const site = browserSite();

  it('shows a returned job\'s reason in Chinese on the staff card and detail', async () => {
    const id = await finishedCleaning(site.gw, 'r103');
    const res = await site.gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await site.gw.login('sofia'), body: { reason: 'Not cleaned' } });
    expect(res.status).toBe(200);
    const reason = inChinese('cleaning', 'Not cleaned');
    expect(reason).not.toBe('Not cleaned');

    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(site.gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);
    await page.goto(`${site.gw.http}/staff?lang=zh`);

    const note = page.locator(`[data-list="mine"] [data-ticket="${id}"] ds-staff-rejection-note [data-rejection]`);
    await note.getByText(reason).waitFor(seen);
    expect(await note.textContent()).not.toContain('Not cleaned');

    await page.goto(`${site.gw.http}/staff?lang=zh#${id}`);
    await page.locator(`[data-detail="${id}"] ds-staff-rejection-note`).getByText(reason).waitFor(seen);
    await page.close();
  });

  it('shows a rejection\'s reason and the room\'s reason in Chinese on the dashboard', async () => {
    const { id } = await rejectedMaintenance(site.gw, 'r102', 'Safety hazard remains');
    const reason = inChinese('maintenance', 'Safety hazard remains');

    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await signInTo(page, site.gw, dashboardUser);
    await page.locator('ds-room-grid').waitFor(seen);

    await page.goto(`${site.gw.http}/dashboard?lang=zh#room/r102`);
    const status = page.locator('ds-room-page [data-room-status="do_not_use"]');
    await status.getByText(reason).waitFor(seen);
    expect(await status.textContent()).not.toContain('Safety hazard remains');

    await page.goto(`${site.gw.http}/dashboard?lang=zh#tickets`);
    await page.locator(`ds-ticket-list tr[data-ticket="${id}"] button`).click();
    const rejection = page.locator(`ds-ticket-detail [data-detail="${id}"] [data-rejection]`);
    await rejection.getByText(reason).waitFor(seen);
    expect(await rejection.textContent()).not.toContain('Safety hazard remains');
    await page.close();
  });
});
