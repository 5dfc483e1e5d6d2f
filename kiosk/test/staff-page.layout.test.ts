import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning } from './panel-fixture.ts';

// Generous: these run beside other browser suites on a small shared machine.
const seen = { timeout: 15_000 };
const long = 'Floor-to-ceiling-window-in-the-north-corner-has-a-smear-that-nobody-can-reach-without-the-long-pole';

describe.skipIf(!hasChromium)('the staff queue page on a small phone and on a tablet', { timeout: 60_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let returned: string;

  const signedIn = async (width: number, height: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"] [data-ticket]').first().waitFor(seen);
    return page;
  };
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** Visible buttons, inputs and selects smaller than a fingertip (44 px either way). */
  const smallTargets = (page: Page) => page.locator('button:visible, input:not([type="radio"]):not([type="checkbox"]):visible').evaluateAll((nodes) =>
    nodes.map((n) => n.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44).map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`));

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
    const sofia = await gw.login('sofia');
    await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room: 'r305', description: long, title: long, priority: 'urgent' } });
    returned = await finishedCleaning(gw, 'r103');
    await gw.call('POST', `/api/tickets/${returned}/reject`, { cookie: sofia, body: { reason: 'Not cleaned', notes: long } });
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it('does not scroll sideways at 360 px on the sign-in form', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').waitFor(seen);

    expect(await overflow(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.close();
  });

  it('does not scroll sideways at 360 px on the queue, even with long unbroken words', async () => {
    const page = await signedIn(360, 740);
    await page.locator('[data-list="pool"] [data-ticket]').first().waitFor(seen);

    expect(await overflow(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.close();
  });

  it('does not scroll sideways at 360 px on a ticket\'s detail with its forms open', async () => {
    const page = await signedIn(360, 740);
    await page.locator(`[data-ticket="${returned}"]`).getByRole('button', { name: 'Details' }).click();
    await page.locator('ds-staff-ticket-detail [data-action="transfer"]').click();
    await page.locator('[data-form="transfer"]').waitFor(seen);

    expect(await overflow(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.close();
  });

  it('shows the two lists side by side on a tablet', async () => {
    const page = await signedIn(1280, 800);

    const mine = await page.locator('[data-list="mine"]').boundingBox();
    const pool = await page.locator('[data-list="pool"]').boundingBox();
    await page.close();

    expect(Math.abs(mine!.y - pool!.y)).toBeLessThan(2);
    expect(pool!.x).toBeGreaterThan(mine!.x + mine!.width - 1);
  });
});
