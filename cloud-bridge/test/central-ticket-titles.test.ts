import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from '../../kiosk/test/chromium.ts';
import type { Central } from '../src/central/server.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { headOf } from './support/chain.ts';
import { backends, call, centralHarness, signIn } from './support/central-harness.ts';
import { gatewayLog, workedTickets } from './support/gateway-log.ts';

const seen = { timeout: 10_000 };
const PASSWORD = 'a long enough password';

let log: ShippedEvent[] = [];
let worked: { approved: string; rejected: string; open: string };

beforeAll(async () => {
  const gw = await startTestGateway();
  try {
    worked = await workedTickets(gw);
    log = gatewayLog(gw);
  } finally {
    await gw.stop();
  }
}, 60_000);

describe.each(backends)('ticket titles on the central copy ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  let central: Central;

  beforeEach(async () => {
    if (skip) return;
    central = await harness.start();
    const demo = await central.addSite('demo', 'Demo Office');
    await central.addUser('olga', PASSWORD, 'head_office');
    await call(central, 'POST', '/api/sites/demo/events', { key: demo.siteKey, body: { after: 0, events: log, head: headOf(log) } });
  });

  it.skipIf(skip)('keeps the phrase each ticket\'s title was made from, with the names per language', async () => {
    const cookie = await signIn(central, 'olga', PASSWORD);

    const { body } = await call(central, 'GET', '/api/tickets?site=demo', { cookie });

    const approved = body.tickets.find((t: { id: string }) => t.id === worked.approved);
    expect(approved.titlePhrase).toEqual({
      code: 'ticket.serviceIn',
      params: {
        category: { text: 'Cleaning', names: expect.objectContaining({ zh: '清洁' }) },
        room: { text: 'Reception Lounge', names: expect.objectContaining({ zh: '接待休息区' }) },
      },
    });
    expect(approved.title).toBe('Cleaning in Reception Lounge');
  });

  // The page reads the same answer from either engine; one browser run is enough.
  describe.skipIf(!hasChromium || name !== 'sqlite')('in the browser', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    }, 60_000);
    afterAll(async () => { await browser?.close(); });

    it('shows the ticket titles in Chinese, with the room and category names in Chinese', async () => {
      await page.goto(`${central.url}/central?lang=zh`);
      await page.getByLabel('用户名').fill('olga');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('ds-site-list [data-site="demo"]').waitFor(seen);

      await page.getByRole('button', { name: '工单' }).click();
      const row = page.locator(`ds-ticket-table [data-ticket="demo/${worked.approved}"]`);
      await row.waitFor(seen);

      expect(await row.locator('[data-title]').textContent()).toBe('接待休息区：清洁');
    });
  });
});
