import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from '../../kiosk/test/axe.ts';
import { hasChromium, launchChromium } from '../../kiosk/test/chromium.ts';
import type { Central } from '../src/central/server.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { call, centralHarness } from './support/central-harness.ts';
import { gatewayLog, workedTickets } from './support/gateway-log.ts';

const seen = { timeout: 10_000 };
const PASSWORD = 'a long enough password';

describe.skipIf(!hasChromium)('the cross-site view page', () => {
  const harness = centralHarness('sqlite');
  let browser: Browser;
  let page: Page;
  let central: Central;
  let demoLog: ShippedEvent[] = [];
  let worked: { approved: string; rejected: string; open: string };
  let demoKey: string;

  beforeAll(async () => {
    browser = await launchChromium();
    const gw = await startTestGateway();
    try {
      worked = await workedTickets(gw);
      demoLog = gatewayLog(gw);
    } finally {
      await gw.stop();
    }
  }, 60_000);
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    central = await harness.start();
    const demo = await central.addSite('demo', 'Demo Office');
    demoKey = demo.siteKey;
    const north = await central.addSite('north', 'North Tower');
    await central.addUser('olga', PASSWORD, 'head_office');
    await central.addUser('mia', PASSWORD, 'site_manager', ['demo']);
    await call(central, 'POST', '/api/sites/demo/events', { key: demo.siteKey, body: { after: 0, events: demoLog, head: headOf(demoLog) } });
    const northLog = buildChain('north', 12);
    await call(central, 'POST', '/api/sites/north/events', { key: north.siteKey, body: batchOf(northLog, 0, 8, headOf(northLog)) });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => { await page.close(); });

  const signIn = async (username: string, password = PASSWORD) => {
    await page.goto(`${central.url}/central?lang=en`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('says which site\'s agent reports and which is down, since when', async () => {
    const status = {
      lastSyncAt: null, lastAttemptAt: null, centralCursor: demoLog.length, gatewayHead: demoLog.length, lagEvents: 0, lagSeconds: 0, linkUp: true, lastError: null,
    };
    await call(central, 'POST', '/api/sites/demo/status', { key: demoKey, body: { ...status, reportEveryMs: 60_000 } });
    await signIn('olga');

    await page.locator('ds-site-list [data-site="demo"] [data-link="up"]').getByText('Agent reporting').waitFor(seen);
    await page.locator('ds-site-list [data-site="north"] [data-link="down"]').getByText('Down: no agent has reported yet').waitFor(seen);
    // The demo agent says it reports every 10 ms and then goes quiet: three missed and it is down.
    await call(central, 'POST', '/api/sites/demo/status', { key: demoKey, body: { ...status, reportEveryMs: 10 } });
    await new Promise((r) => setTimeout(r, 100));
    await page.reload();
    await page.locator('ds-site-list [data-site="demo"] [data-link="down"]').getByText('Down: the agent last reported').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs head office in to every site, the demo site\'s tickets, its audit trail and KPIs, with no serious accessibility problem', async () => {
    await signIn('olga');

    await page.locator('ds-site-list [data-site="demo"]').waitFor(seen);
    await page.locator('ds-site-list [data-site="north"] [data-lag]').getByText('4 events behind').waitFor(seen);
    expect(await page.locator('ds-site-list [data-site="demo"] [data-cursor]').textContent()).toBe(String(demoLog.length));
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.locator(`ds-ticket-table [data-ticket="demo/${worked.open}"]`).waitFor(seen);
    await page.locator('ds-ticket-table').getByLabel('Status').selectOption('verified');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator(`ds-ticket-table [data-ticket="demo/${worked.open}"]`).waitFor({ ...seen, state: 'detached' });
    expect(await page.locator('ds-ticket-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual([`demo/${worked.approved}`]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Audit trail' }).first().click();
    await page.locator('ds-audit-trail').getByLabel('Event type').fill('ticket-rejected');
    await page.locator('ds-audit-trail').getByRole('button', { name: 'Search' }).click();
    await page.locator('ds-audit-trail tbody tr').first().getByText('ticket-rejected').waitFor(seen);
    expect(await page.locator('ds-audit-trail tbody tr').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'KPIs' }).click();
    await page.locator('ds-kpi-charts [data-kpis="demo"]').waitFor(seen);
    expect(await page.locator('ds-kpi-charts [data-kpis="demo"]').textContent()).toContain('4 of 5 (1)');
    expect(await page.locator('ds-kpi-charts canvas').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a site manager only the granted site', async () => {
    await signIn('mia');

    await page.locator('ds-site-list [data-site="demo"]').waitFor(seen);
    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.locator(`ds-ticket-table [data-ticket="demo/${worked.open}"]`).waitFor(seen);

    expect(await page.locator('ds-site-list [data-site="north"]').count()).toBe(0);
    const siteChoices = await page.locator('ds-ticket-table').getByLabel('Site').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(siteChoices).toEqual(['', 'demo']);
    const sites = await page.locator('ds-ticket-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')!.split('/')[0]));
    expect(new Set(sites)).toEqual(new Set(['demo']));
  });

  it('says so when the password is wrong and stays on the sign-in form', async () => {
    await signIn('olga', 'not the password');

    await page.locator('ds-central-sign-in [role="alert"]').getByText('Wrong username or password.').waitFor(seen);

    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('speaks Chinese when asked', async () => {
    await page.goto(`${central.url}/central?lang=zh`);

    await page.getByRole('button', { name: '登录' }).waitFor(seen);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
  });

  it('loads signed out and signed in with no console error, failed request or error answer', async () => {
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });

    await signIn('olga');
    await page.locator('ds-site-list [data-site="demo"]').waitFor(seen);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.locator('ds-site-list [data-site="demo"]').waitFor(seen);
    await page.waitForLoadState('networkidle');

    expect(problems).toEqual([]);
  });
});
