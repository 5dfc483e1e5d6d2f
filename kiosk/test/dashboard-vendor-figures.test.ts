import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { dashboardUser, openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the dashboard figures per vendor', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await gw?.stop();
  });

  it('lists each vendor with time to accept, time to done and the share sent back', async () => {
    const cookie = await gw.login('hanna');
    const vendor = (await gw.call('POST', '/api/vendors', { cookie, body: { name: 'Gamma Glass', trade: 'glazing', email: 'g@glass.example', contacts: [{ name: 'Desk', email: 'desk@glass.example' }] } })).body.id;
    const sent = (await gw.call('POST', '/api/work-orders', { cookie, body: { vendor, title: 'Broken pane' } })).body;
    const token = new URL(sent.links[0].url).pathname.split('/').pop()!;
    for (const [action, body] of [['accept', {}], ['start', {}], ['done', { minutes: 5 }]] as const) await gw.call('POST', `/api/wo/${token}/${action}`, { body });
    await gw.call('POST', `/api/work-orders/${sent.workOrder.id}/reject`, { cookie, body: { reason: 'Pane scratched' } });

    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'figures');
    const row = page.locator(`ds-kpi-panel table[data-figures="vendors"] tr[data-vendor="${vendor}"]`);
    await row.waitFor(seen);

    const cells = await row.locator('th, td').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(['Gamma Glass', '1', expect.stringMatching(/min/), '—', '100%']);
    expect(await page.locator('ds-kpi-panel table[data-figures="vendors"] caption').textContent()).toBe('Vendors');
  });
});
