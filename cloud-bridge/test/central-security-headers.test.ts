import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../kiosk/test/chromium.ts';
import type { Central } from '../src/central/server.ts';
import { batchOf, buildChain } from './support/chain.ts';
import { call, centralHarness } from './support/central-harness.ts';

const seen = { timeout: 10_000 };
const PASSWORD = 'a long enough password';

describe('the central server\'s security headers', () => {
  const harness = centralHarness('sqlite');

  it('sends the gateway\'s strict policy, nosniff and no framing on API answers and the page', async () => {
    const central = await harness.start();

    const answers = [await call(central, 'GET', '/health'), await call(central, 'GET', '/api/sites'), await call(central, 'GET', '/central')];

    for (const { headers } of answers) {
      expect(headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
    expect(answers[2]!.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-/);
  });
});

describe.skipIf(!hasChromium)('the cross-site view under the central server\'s Content-Security-Policy', () => {
  const harness = centralHarness('sqlite');
  let browser: Browser;

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  /** A page that records every violation from its first script on. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const console: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) console.push(m.text()); });
    page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      const found: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = found;
      document.addEventListener('securitypolicyviolation', (e) => found.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`), true);
    });
    const violations = async () => [...console, ...await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)];
    return { page, violations };
  }

  it('signs in and shows the sites, tickets and KPI charts with no violation', async () => {
    const central: Central = await harness.start();
    const { siteKey } = await central.addSite('north', 'North Tower');
    await central.addUser('olga', PASSWORD, 'head_office');
    await call(central, 'POST', '/api/sites/north/events', { key: siteKey, body: batchOf(buildChain('north', 20), 0, 20) });
    const { page, violations } = await watchedPage();

    const response = await page.goto(`${central.url}/central?lang=en`);
    await page.getByLabel('Username').fill('olga');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('ds-site-list [data-site="north"]').waitFor(seen);
    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.locator('ds-ticket-table tbody tr').first().waitFor(seen);
    await page.getByRole('button', { name: 'KPIs' }).click();
    await page.locator('ds-kpi-charts canvas').first().waitFor(seen);

    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
