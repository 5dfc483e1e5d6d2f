import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('payments and company statements on the dashboard', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  it('lists the month\'s company statements with CSV and PDF downloads, and the payments ledger', async () => {
    const { gw } = site;
    const hanna = await gw.login('hanna');
    for (const [order, amount] of [['O-801', 30_000], ['O-802', 4_550]] as const) {
      await gw.call('POST', '/api/payments', { cookie: hanna, body: { order, amount, currency: 'CNY', provider: 'company', company: 'Nordlys AS' } });
    }
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');

    await openSection(page, 'payments');

    const row = page.locator('ds-payments-section tr[data-company="Nordlys AS"]');
    await row.waitFor(seen);
    expect((await row.locator('td').nth(1).textContent())!.trim()).toBe('2');
    expect((await row.locator('td').nth(2).textContent())!.trim()).toBe('CN¥345.50');
    const csvHref = await row.locator('[data-csv]').getAttribute('href');
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    expect(csv).toContain('Nordlys AS');
    expect(csv).toContain('300.00');
    const pdf = await page.evaluate(async (href) => { const r = await fetch(href!); return [r.status, r.headers.get('content-type')]; }, await row.locator('[data-pdf]').getAttribute('href'));
    expect(pdf).toEqual([200, 'application/pdf']);
    await page.locator('ds-payments-section tr[data-payment]').first().waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks Norwegian in the section', async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, 'hanna');
    await page.locator('ds-lang-switch select').first().selectOption('nb');

    await page.locator('nav.sections a[data-nav="payments"]').click();

    await page.locator('ds-payments-section').getByRole('heading', { name: catalogs.nb['payDash.statements'] }).waitFor(seen);
    await page.locator('ds-payments-section').getByText(catalogs.nb['payDash.provider.company']).first().waitFor(seen);
  });
});
