import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning, panelOf } from './panel-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the door panel page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  const typePin = async (pin: string) => {
    for (const digit of pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(async () => {
    await page.close();
    await gw.stop();
  });

  it('rejects a finished cleaning job as "Not cleaned" and shows at once what that set off', async () => {
    const id = await finishedCleaning(gw, 'r102');
    const panel = panelOf(gw, 'r102');
    await page.goto(panel.url);
    await typePin(panel.pin);
    await page.locator(`[data-ticket="${id}"]`).waitFor(seen);

    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('button', { name: 'Not cleaned', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm rejection' }).click();

    const result = page.locator('ds-action-result [data-result]');
    await result.getByText('Sent back to ana.').waitFor(seen);
    await result.getByText(/Urgent follow-up .+ opened\./).waitFor(seen);
    await result.getByText('Room is now “Pending recovery”.').waitFor(seen);
    await page.locator('ds-status-word').getByText('Pending recovery', { exact: true }).waitFor(seen);
    expect(gw.store.tickets.get(id)?.status).toBe('rejected');
  });

  it('shows the error for a wrong PIN and stays on the keypad', async () => {
    const panel = panelOf(gw, 'r102');
    await page.goto(panel.url);
    const wrong = panel.pin === '0000' ? '1111' : '0000';

    await typePin(wrong);

    await page.locator('ds-pin-pad [role="alert"]').waitFor(seen);
    expect((await page.locator('ds-pin-pad [role="alert"]').textContent())?.trim()).not.toBe('');
    expect(await page.locator('ds-pin-pad button[data-digit="5"]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });
});
