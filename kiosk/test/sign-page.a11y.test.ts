import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';


describe.skipIf(!hasChromium)('the room sign page for people who cannot see it well', () => {
  let browser: Browser;
  let gw: TestGateway;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
  });

  it.each([
    ['available', 'r104', ''],
    ['service_due', 'r105', 'Supplies low'],
    ['in_service', 'r201', 'Deep clean'],
    ['pending_recovery', 'r202', 'Cleaning rejected'],
    ['do_not_use', 'r203', 'Water leak'],
  ])('has no serious or critical axe violations when %s', async (status, room, reason) => {
    if (status !== 'available') {
      const cookie = await gw.login('hanna');
      await gw.call('POST', `/api/rooms/${room}/status`, { cookie, body: { status, reason } });
    }
    const page = await browser.newPage();
    const url = gw.creds.devices.find((d) => d.kind === 'sign' && d.room === room)!.url!;
    await page.goto(`${url}&langs=en,zh,nb,nl`);
    await page.locator(`ds-status-word [data-status="${status}"]`).waitFor({ timeout: 10_000 });

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations while it shows the offline mark', async () => {
    const doomed = await startTestGateway();
    const page = await browser.newPage();
    await page.goto(doomed.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r301')!.url!);
    await page.locator('ds-status-word').waitFor({ timeout: 10_000 });
    await doomed.stop();
    await page.locator('ds-offline-mark').waitFor({ timeout: 10_000 });

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  }, 60_000);
});

