import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';


describe.skipIf(!hasChromium)('the room sign page for people who cannot see it well', () => {
  const site = browserSite();

  it.each([
    ['available', 'r104', ''],
    ['service_due', 'r105', 'Supplies low'],
    ['in_service', 'r201', 'Deep clean'],
    ['pending_recovery', 'r202', 'Cleaning rejected'],
    ['do_not_use', 'r203', 'Water leak'],
  ])('has no serious or critical axe violations when %s', async (status, room, reason) => {
    if (status !== 'available') {
      const cookie = await site.gw.login('hanna');
      await site.gw.call('POST', `/api/rooms/${room}/status`, { cookie, body: { status, reason } });
    }
    const page = await site.browser.newPage();
    const url = site.gw.creds.devices.find((d) => d.kind === 'sign' && d.room === room)!.url!;
    await page.goto(`${url}&langs=en,zh,nb,nl`);
    await page.locator(`ds-status-word [data-status="${status}"]`).waitFor({ timeout: 10_000 });

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  });

  it('has no serious or critical axe violations while it shows the offline mark', async () => {
    const doomed = await startTestGateway();
    const page = await site.browser.newPage();
    await page.goto(doomed.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r301')!.url!);
    await page.locator('ds-status-word').waitFor({ timeout: 10_000 });
    await doomed.stop();
    await page.locator('ds-offline-mark').waitFor({ timeout: 10_000 });

    const serious = await seriousViolations(page);
    await page.close();

    expect(serious).toEqual([]);
  }, 60_000);
});

