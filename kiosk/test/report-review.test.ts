import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { roomOf, openPage } from './occupant-fixture.ts';
import { finishedWithEvidence, movableClock } from './panel-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('approving or rejecting from the room\'s QR page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let context: BrowserContext;
  let page: Page;
  let wait: (minutes: number) => void;
  const scripts: string[] = [];

  /** The browser carries `user`'s staff session, as after signing in on the staff page. */
  const signedInAs = async (user: string) => {
    const cookie = await gw.login(user);
    await context.addCookies(cookie.split('; ').map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), url: gw.http };
    }));
  };

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    const time = movableClock();
    wait = time.wait;
    gw = await startTestGateway({ clock: time.clock });
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    scripts.length = 0;
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); });
  });
  afterEach(async () => {
    await context.close();
    await gw.stop();
  });

  it('shows a supervisor the finished service with its before and after beside the report form, and approves it', async () => {
    const id = await finishedWithEvidence(gw, 'r102', 30, wait);
    await signedInAs('sofia');

    await openPage(page, roomOf(gw, 'r102').reportUrl);
    const service = page.locator(`ds-room-review [data-ticket="${id}"]`);
    await service.locator('ds-service-review').getByText('Carpet shampooed, dry in an hour').waitFor(seen);
    await service.getByText('30 minutes').waitFor(seen);
    expect(await page.locator('ds-report-form').count()).toBe(1);
    await service.getByRole('button', { name: 'Approve' }).click();

    await page.locator('ds-room-review ds-action-result').getByText('Approved. Thank you.').waitFor(seen);
    expect(gw.store.tickets.get(id)?.status).toBe('verified');
  });

  it('rejects it with the same reject form as the door panel', async () => {
    const id = await finishedWithEvidence(gw, 'r104', 10, wait);
    await signedInAs('sofia');
    await openPage(page, roomOf(gw, 'r104').reportUrl);

    await page.locator(`ds-room-review [data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('button', { name: 'Partially cleaned', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm rejection' }).click();

    await page.locator('ds-room-review ds-action-result').getByText('Sent back to ana.').waitFor(seen);
    expect(gw.store.tickets.get(id)?.rejections.at(-1)).toMatchObject({ reason: 'Partially cleaned', by: 'user:sofia' });
  });

  it('has no serious or critical axe violations with the review and with the reject form open', async () => {
    const id = await finishedWithEvidence(gw, 'r201', 5, wait);
    await signedInAs('sofia');
    await openPage(page, roomOf(gw, 'r201').reportUrl);
    await page.locator(`ds-room-review [data-ticket="${id}"] ds-service-review`).getByText('Carpet shampooed, dry in an hour').waitFor(seen);

    const withReview = await seriousViolations(page);
    await page.locator(`ds-room-review [data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('button', { name: 'Confirm rejection' }).waitFor(seen);
    const withForm = await seriousViolations(page);

    expect([withReview, withForm]).toEqual([[], []]);
  });

  it('offers nothing to someone signed in without the right to approve or reject', async () => {
    const id = await finishedWithEvidence(gw, 'r103', 10, wait);
    await signedInAs('ana');

    await openPage(page, roomOf(gw, 'r103').reportUrl);
    await page.locator('ds-report-form').waitFor(seen);
    await page.waitForLoadState('networkidle');

    expect(await page.locator(`[data-ticket="${id}"]`).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
  });

  it('keeps the occupant\'s page small: without a session the review script is never fetched', async () => {
    await finishedWithEvidence(gw, 'r105', 10, wait);

    await openPage(page, roomOf(gw, 'r105').reportUrl);
    await page.locator('ds-report-form').waitFor(seen);
    await page.waitForLoadState('networkidle');

    expect(scripts.some((path) => path.includes('review'))).toBe(false);
    expect(await page.locator('ds-room-review').count()).toBe(0);
    const main = await (await fetch(`${gw.http}/assets/report.js`)).text();
    expect(main).not.toContain('ds-service-review');
  });
});
