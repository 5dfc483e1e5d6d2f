import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning } from './panel-fixture.ts';

// Generous: these run beside other browser suites on a small shared machine.
const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('the staff queue page for people who cannot see it well', { timeout: 60_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let offsetMs = 0;
  let rejected: string;

  const signedIn = async (user: string, target: TestGateway = gw): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${target.http}/staff`);
    await page.getByLabel('Username').fill(user);
    await page.getByLabel('Password').fill(target.creds.users.find((u) => u.username === user)!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway({ clock: () => new Date(Date.now() + offsetMs).toISOString() });
    const sofia = await gw.login('sofia');
    const task = (priority: string, room: string) =>
      gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room, description: `A ${priority} job`, priority } });
    offsetMs = -3 * 3600_000;
    await task('normal', 'r104');
    offsetMs = 0;
    await task('urgent', 'r105');
    await task('low', 'r201');
    rejected = await finishedCleaning(gw, 'r103');
    await gw.call('POST', `/api/tickets/${rejected}/reject`, { cookie: sofia, body: { reason: 'Not cleaned', notes: 'Bins still full' } });
    await gw.call('POST', `/api/tickets/${rejected}/comment`, { cookie: sofia, body: { text: 'Key is at reception', internal: true } });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('has no serious or critical axe violations on the sign-in form, with an error shown', async () => {
    const page = await browser.newPage();
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('ds-staff-sign-in [role="alert"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations on the queue, with an overdue, an urgent and a returned ticket', async () => {
    const page = await signedIn('ana');
    await page.locator('[data-overdue]').first().waitFor(seen);
    await page.locator('ds-staff-ticket-card ds-staff-rejection-note').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it.each(['complete', 'transfer', 'comment'])('has no serious or critical axe violations on a ticket\'s detail with the %s form open', async (form) => {
    const page = await signedIn('ana');
    await page.locator(`[data-list="mine"] [data-ticket="${rejected}"]`).getByRole('button', { name: 'Details' }).click();
    await page.locator(`[data-detail="${rejected}"] ds-staff-rejection-note`).waitFor(seen);
    if (form === 'complete') {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Complete…' }).waitFor(seen);
    }
    await page.locator(`ds-staff-ticket-detail [data-action="${form}"]`).click();
    await page.locator(`[data-form="${form}"]`).waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations while it shows the offline mark', async () => {
    const doomed = await startTestGateway();
    const page = await signedIn('ben', doomed);
    await doomed.stop();
    await page.locator('[data-connection="offline"]').waitFor(seen);

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });
});
