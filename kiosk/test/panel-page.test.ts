import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import sharp from 'sharp';
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
  it('approves a finished job: the result says so, the room is free again and the job verified', async () => {
    const id = await finishedCleaning(gw, 'r104');
    const panel = panelOf(gw, 'r104');
    await page.goto(panel.url);
    await typePin(panel.pin);

    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Approve' }).click();

    await page.locator('ds-action-result [data-result]').getByText('Approved. Thank you.').waitFor(seen);
    await page.locator('ds-status-word').getByText('Available', { exact: true }).waitFor(seen);
    expect(gw.store.tickets.get(id)?.status).toBe('verified');
    expect(gw.store.rooms.get('r104')?.status).toBe('available');
  });

  it('locks the keypad for a while after five wrong PINs, even for the right one', async () => {
    const panel = panelOf(gw, 'r103');
    const wrong = panel.pin === '0000' ? '1111' : '0000';
    await page.goto(panel.url);

    for (let i = 0; i < 5; i += 1) {
      await typePin(wrong);
      await page.locator('ds-pin-pad [role="alert"]').waitFor(seen);
    }
    await typePin(panel.pin);

    await page.locator('ds-pin-pad [role="alert"]').getByText(/Too many wrong PINs\. Try again in \d+ seconds\./).waitFor(seen);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('sends the photo taken at the door with the rejection, stored without its EXIF data', async () => {
    const id = await finishedCleaning(gw, 'r105');
    const panel = panelOf(gw, 'r105');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#7a3' } })
      .jpeg().withExif({ IFD0: { Make: 'DoorTablet', Model: 'T10' } }).toBuffer();
    await page.goto(panel.url);
    await typePin(panel.pin);
    await page.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();

    await page.getByRole('button', { name: 'Not cleaned', exact: true }).click();
    await page.getByLabel('Notes (optional)').fill('Crumbs under the table');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Take a photo' }).click();
    await (await chooser).setFiles({ name: 'door.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText('Photo added: door.jpg').waitFor(seen);
    await page.getByRole('button', { name: 'Confirm rejection' }).click();
    await page.locator('ds-action-result [data-result]').waitFor(seen);

    const rejection = gw.store.tickets.get(id)!.rejections.at(-1)!;
    expect(rejection).toMatchObject({ reason: 'Not cleaned', notes: 'Crumbs under the table' });
    expect(rejection.photos).toHaveLength(1);
    const meta = await sharp(join(gw.dir, 'attachments', `${rejection.photos[0]}.jpg`)).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
  });

  it('signs out by itself after a minute without a touch, and says why', async () => {
    await page.clock.install();
    const panel = panelOf(gw, 'r101');
    await page.goto(panel.url);
    await typePin(panel.pin);
    await page.getByRole('button', { name: 'Sign out' }).waitFor(seen);

    await page.clock.fastForward(59_000);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.clock.fastForward(2_000);

    await page.getByText('Signed out after a minute without use.').waitFor(seen);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.locator('ds-pin-pad button[data-digit="5"]').isVisible()).toBe(true);
  });
});
