import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning, finishedWithEvidence, movableClock, panelOf } from './panel-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the door panel reviewing a finished service', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  const signIn = async (room: string) => {
    const panel = panelOf(gw, room);
    await page.goto(panel.url);
    for (const digit of panel.pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor(seen);
  };
  const start = async () => {
    const time = movableClock();
    gw = await startTestGateway({ clock: time.clock });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    return time;
  };

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  afterEach(async () => {
    await page?.close();
    await gw?.stop();
  });

  it('shows the before and after: the occupant\'s words and photo, the worker\'s note and photo, and the time spent', async () => {
    const { wait } = await start();
    const id = await finishedWithEvidence(gw, 'r102', 45, wait);

    await signIn('r102');

    const review = page.locator(`[data-ticket="${id}"] ds-service-review`);
    await review.getByText('Coffee spilled on the carpet').waitFor(seen);
    await review.getByText('Carpet shampooed, dry in an hour').waitFor(seen);
    await review.getByText('45 minutes').waitFor(seen);
    const loaded = async (which: string) => review.locator(`[data-photos="${which}"] img`).evaluateAll(
      (imgs) => Promise.all(imgs.map((img) => (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth))));
    expect(await loaded('before')).toEqual([64]);
    expect(await loaded('after')).toEqual([64]);
  });

  it('names the room by its name, never its id, before and after signing in', async () => {
    await start();

    await page.goto(panelOf(gw, 'r102').url);
    await page.locator('ds-pin-pad button[data-digit="1"]').waitFor(seen);
    const before = await page.locator('h1').textContent();
    await signIn('r102');

    expect(before).not.toContain('r102');
    await page.locator('h1').getByText('Meeting Room Fjord', { exact: true }).waitFor(seen);
  });

  it('says in words that nothing waits for approval when the room has no finished service', async () => {
    await start();

    await signIn('r103');

    await page.getByText('Nothing is waiting for approval.').waitFor(seen);
  });

  it('fits the whole reject form, Confirm rejection included, on a landscape 1280×800 tablet', async () => {
    await start();
    const id = await finishedCleaning(gw, 'r102');
    await signIn('r102');
    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('button', { name: 'Confirm rejection' }).waitFor(seen);

    await page.setViewportSize({ width: 1280, height: 800 });

    const box = await page.getByRole('button', { name: 'Confirm rejection' }).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(800);
  });

  it('has no serious or critical axe violations on the reject form with its camera button', async () => {
    await start();
    const id = await finishedCleaning(gw, 'r105');
    await signIn('r105');
    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('button', { name: 'Take a photo' }).waitFor(seen);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('takes the photo with a camera button that opens the camera, not the browser\'s file control', async () => {
    await start();
    const id = await finishedCleaning(gw, 'r104');
    await signIn('r104');
    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    const input = page.locator('ds-reject-view input[type="file"]');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Take a photo' }).click();

    const opened = await chooser;
    expect(await opened.element().evaluate((x) => [(x as Element).getAttribute('accept'), (x as Element).getAttribute('capture')])).toEqual(['image/*', 'environment']);
    expect(await input.isVisible()).toBe(false);
  });
});
