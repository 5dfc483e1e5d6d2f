import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!hasChromium)('paid services and orders on the dashboard', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  it('lists the catalogue, changes a price and a service\'s bookable times, and the gateway keeps them', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');

    await openSection(page, 'services');
    const ac = page.locator('ds-services-section tr[data-service="ac-cleaning"]');
    await ac.waitFor(seen);
    expect(plain(await ac.locator('[data-price]').textContent())).toBe('NOK 650.00 per unit');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('ds-services-section tr[data-service="home-cleaning"] button[data-edit]').click();
    await page.locator('ds-service-form input[name="amount"]').fill('1050');
    await page.locator('ds-service-form button[type="submit"]').click();
    await page.locator('ds-services-section [data-notice]', { hasText: 'saved' }).waitFor(seen);
    await page.locator('ds-services-section tr[data-service="carpet-cleaning"] button[data-edit-slots]').click();
    await page.locator('ds-slot-form fieldset[data-rule="0"] input[data-capacity]').fill('4');
    await page.locator('ds-slot-form button[data-add-closed]').click();
    await page.locator('ds-slot-form [data-closed=""] input[type="date"]').fill('2027-04-01');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('ds-slot-form button[type="submit"]').click();
    await page.locator('ds-services-section [data-notice]', { hasText: 'saved' }).waitFor(seen);

    expect(gw.store.services.get('home-cleaning')!.price).toEqual({ kind: 'fixed', amount: 105_000 });
    const carpet = gw.store.services.get('carpet-cleaning')!.schedule!;
    expect(carpet.rules[0]!.capacity).toBe(4);
    expect(carpet.closed.map((c) => c.date)).toContain('2027-04-01');
    expect(plain(await page.locator('ds-services-section tr[data-service="home-cleaning"] [data-price]').textContent())).toBe('NOK 1,050.00 per visit');
  });

  it('lists orders with their status and money, filters them, and links the same filter as CSV', async () => {
    const { gw } = site;
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r203')!.reportApi).searchParams.get('k')!;
    const slots = (await gw.call('GET', `/api/services/carpet-cleaning/slots?k=${k}&from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * 86_400_000).toISOString()}`)).body.slots;
    const placed = await gw.call('POST', `/api/rooms/r203/orders?k=${k}`, { body: { service: 'carpet-cleaning', slot: slots.find((x: { free: number; open: boolean }) => x.free > 0 && x.open).start, quantity: 12, contact: { name: 'Ida Berg', email: 'ida@example.no' } } });
    expect(placed.status).toBe(201);
    const id = placed.body.order.id as string;
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');

    await openSection(page, 'orders');
    const row = page.locator(`ds-orders-section tr[data-order="${id}"]`);
    await row.waitFor(seen);
    expect(plain(await row.locator('[data-total]').textContent())).toBe('NOK 540.00');
    expect(plain(await row.locator('[data-status]').textContent())).toBe(catalogs.en['orderStatus.confirmed']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('ds-orders-section form[data-order-filters] select[name="status"]').selectOption('cancelled');
    await page.locator('ds-orders-section form[data-order-filters] button[type="submit"]').click();

    await page.locator('ds-orders-section [data-no-orders]').waitFor(seen);
    const csv = new URL((await page.locator('ds-orders-section a[data-orders-csv]').getAttribute('href'))!);
    expect(csv.pathname).toBe('/api/orders.csv');
    expect(csv.searchParams.get('status')).toBe('cancelled');
    const download = await gw.call('GET', `/api/orders.csv`, { cookie: await gw.login('hanna') });
    expect(String(download.body)).toContain(id);
  });
});
