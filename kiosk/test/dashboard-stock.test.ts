import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, reportIn, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('stock on the dashboard', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite({ gateway: { demoStock: true } });
  afterEach(async () => { await page?.close(); });

  it('shows items and levels, receives stock, issues what a job asked for, and lists the movements', async () => {
    const { gw } = site;
    const hanna = await gw.login('hanna');
    const ana = await gw.login('ana');
    const job = await reportIn(gw, 'r101', 'cleaning', 'Soap dispenser empty');
    await gw.call('POST', `/api/tickets/${job}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    const soap = (await gw.call('GET', '/api/stock', { cookie: hanna })).body.items.find((i: { name: string }) => i.name === 'Hand soap refill').id as string;
    await gw.call('POST', `/api/tickets/${job}/consumables/request`, { cookie: ana, body: { item: soap, quantity: 2 } });
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');

    await openSection(page, 'stock');
    const row = page.locator(`ds-stock-section tr[data-item="${soap}"]`);
    await row.waitFor(seen);
    expect((await row.locator('[data-level]').textContent())!.trim()).toBe('18 L');
    await page.locator('ds-stock-section form[data-receive] select').selectOption(soap);
    await page.locator('ds-stock-section form[data-receive] input[name=quantity]').fill('5');
    await page.locator('ds-stock-section form[data-receive] button').click();
    await page.locator('ds-stock-section [data-notice]', { hasText: catalogs.en['stockDash.received'] }).waitFor(seen);
    expect((await row.locator('[data-level]').textContent())!.trim()).toBe('23 L');
    await page.locator(`ds-stock-section tr[data-request="${job}:${soap}"] button[data-issue]`).click();
    await page.locator('ds-stock-section [data-notice]', { hasText: catalogs.en['stockDash.issued'] }).waitFor(seen);

    expect((await row.locator('[data-level]').textContent())!.trim()).toBe('21 L');
    expect(await page.locator('ds-stock-section [data-no-requests]').count()).toBe(1);
    expect((await page.locator('ds-stock-section tr[data-movement]').first().textContent())).toContain(catalogs.en['stockDash.kind.issued']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks Chinese in the section', async () => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, 'hanna');
    await page.locator('ds-lang-switch select').first().selectOption('zh');

    await page.locator('nav.sections a[data-nav="stock"]').click();

    await page.locator('ds-stock-section').getByRole('heading', { name: catalogs.zh['stockDash.items'] }).waitFor(seen);
    await page.locator('ds-stock-section').getByText(catalogs.zh['stockDash.kind.received']).first().waitFor(seen);
  });
});
