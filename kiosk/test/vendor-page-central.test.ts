import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Rig, startRig, until } from '../../cloud-bridge/test/support/sync-rig.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { openVendorLink, sendWorkOrder } from './vendor-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the vendor\'s page served by the central server', () => {
  let rig: Rig;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rig = await startRig();
    rig.startAgent();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.stop();
  });

  const order = async (id: string) => (await rig.gw.call('GET', `/api/work-orders/${id}`, { cookie: await rig.gw.login('hanna') })).body;

  it('sends a step to the site, says it will be applied, and counts steps held while the site is cut off', async () => {
    const sent = await sendWorkOrder(rig.gw, { language: 'en' });
    await rig.inSync();
    await openVendorLink(page, `${rig.central!.url}${new URL(sent.url).pathname}`);
    await page.locator('ds-vendor-page [data-status="sent"]').waitFor(seen);
    expect(new URL(page.url()).pathname).toBe('/wo');

    await page.getByRole('button', { name: 'Accept the order' }).click();
    await page.locator('ds-vendor-page [data-saved]').filter({ hasText: 'Sent. It will be applied as soon as the building\'s system receives it.' }).waitFor(seen);
    await until('the site accepted', async () => (await order(sent.id)).status === 'accepted');
    await rig.stopAgent();
    await page.getByRole('button', { name: 'Start the work' }).click();
    await page.locator('ds-vendor-page [data-queued]').waitFor(seen);

    await page.locator('ds-vendor-page [data-status="in_progress"]').waitFor(seen);
    expect((await order(sent.id)).status).toBe('accepted');
    expect(await seriousViolations(page)).toEqual([]);
    rig.startAgent();
    await until('the site started the work', async () => (await order(sent.id)).status === 'in_progress');
  });
});
