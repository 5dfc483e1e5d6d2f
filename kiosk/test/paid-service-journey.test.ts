import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const zh = catalogs.zh;

/**
 * A paid service from booking to the dashboard, in Chinese for the occupant: booked on the
 * room's QR page, paid on the simulated provider's page, receipt on the tracking page; the
 * worker asks for a filter, uses one, brings the rest back and adds a custom item, which the
 * tenant then sees; the dashboard lists the order.
 */
describe.skipIf(!hasChromium)('a paid service from booking to the records', { timeout: 150_000 }, () => {
  const site = browserSite({ gateway: { demoStock: true } });
  const pages: Page[] = [];
  afterEach(async () => { for (const p of pages.splice(0)) await p.close(); });
  const newPage = async (width: number, height: number) => {
    const page = await (await site.browser.newContext({ viewport: { width, height } })).newPage();
    pages.push(page);
    return page;
  };

  it('books and pays as the occupant, records materials and a custom item as the worker, and shows it all to the tenant and the office', async () => {
    const { gw } = site;
    const occupant = await newPage(390, 844);
    const reportUrl = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportUrl);
    reportUrl.searchParams.set('lang', 'zh');
    await occupant.goto(reportUrl.href);
    await occupant.getByRole('heading', { name: zh['order.servicesTitle'] }).waitFor(seen);
    await occupant.locator('ds-paid-services li[data-service="ac-cleaning"] button').click();
    const form = occupant.locator('ds-order-flow');
    await form.locator('select[data-slot]').waitFor(seen);
    const slot = (await form.locator('select[data-slot] option:not([disabled])').nth(1).getAttribute('value'))!;
    await form.locator('select[data-slot]').selectOption(slot);
    await form.getByLabel(zh['order.name'], { exact: true }).fill('林梅');
    await form.getByLabel(zh['order.phone'], { exact: true }).fill('+86 21 5555 0101');
    expect(await seriousViolations(occupant)).toEqual([]);
    await form.locator('button[data-order-send]').click();
    const placed = occupant.locator('ds-order-placed [data-order-placed]');
    await placed.waitFor(seen);
    const orderId = (await placed.getAttribute('data-order-placed'))!;
    const ticket = gw.store.orders.get(orderId)!.ticket;
    await occupant.locator('ds-order-placed a[data-pay-link]').click();
    await occupant.locator('ds-pay-page button[data-pay]').click();
    await occupant.locator('ds-pay-page [data-back]').click();
    await occupant.locator(`ds-order-summary [data-order="${orderId}"][data-order-status="confirmed"]`).waitFor(seen);
    await occupant.locator('ds-receipt [data-receipt]').getByRole('heading', { name: zh['receipt.title'] }).waitFor(seen);
    expect(await seriousViolations(occupant)).toEqual([]);

    const hanna = await gw.login('hanna');
    expect((await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'dirk' } })).status).toBe(200);
    const filter = (await gw.call('GET', '/api/stock', { cookie: hanna })).body.items.find((i: { name: string }) => i.name === 'Air-conditioner filter').id as string;
    const worker = await newPage(390, 844);
    await worker.goto(`${gw.http}/staff`);
    await worker.getByLabel('Username').fill('dirk');
    await worker.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'dirk')!.password);
    await worker.getByRole('button', { name: 'Sign in' }).click();
    await worker.locator(`[data-list="mine"] [data-ticket="${ticket}"]`).getByRole('button', { name: 'Details' }).click();
    const supplies = worker.locator(`ds-staff-job-supplies [data-supplies="${ticket}"]`);
    await supplies.locator('form[data-request] select option').first().waitFor({ state: 'attached', ...seen });
    await supplies.locator('form[data-request] select').selectOption(filter);
    await supplies.locator('form[data-request] input[name="quantity"]').fill('3');
    await supplies.locator('form[data-request] button[type="submit"]').click();
    await worker.locator('ds-staff-job-supplies [data-supplies-notice]', { hasText: 'Requested' }).waitFor(seen);
    expect(plain(await supplies.locator(`[data-bring-item="${filter}"]`).textContent())).toContain('3 asked for');
    // The store's keeper hands the three filters out.
    expect((await gw.call('POST', `/api/tickets/${ticket}/consumables/issue`, { cookie: hanna, body: { item: filter, quantity: 3 } })).status).toBe(200);
    await supplies.getByRole('button', { name: 'Refresh' }).click();
    const row = supplies.locator(`tr[data-supply="${filter}"]`);
    await row.locator('input[name="quantity"]').fill('1');
    await row.locator('button[data-use]').click();
    await worker.locator('ds-staff-job-supplies [data-supplies-notice]', { hasText: 'Recorded as used' }).waitFor(seen);
    await row.locator('input[name="quantity"]').fill('2');
    await row.locator('button[data-return]').click();
    await worker.locator('ds-staff-job-supplies [data-supplies-notice]', { hasText: 'Returned' }).waitFor(seen);
    const custom = worker.locator('ds-staff-order-items form[data-custom-item]');
    await custom.getByLabel('What').fill('Drain pan treatment');
    await custom.getByLabel('Price each (NOK)').fill('120.50');
    await custom.getByRole('button', { name: 'Add to the order' }).click();
    await worker.locator('ds-staff-order-items [data-job-order-notice]', { hasText: 'Added' }).waitFor(seen);
    expect(await seriousViolations(worker)).toEqual([]);

    const order = gw.store.orders.get(orderId)!;
    expect(order.lines.find((l) => l.kind === 'custom')).toMatchObject({ label: 'Drain pan treatment', quantity: 1, unitPrice: 12_050, amount: 12_050 });
    const used = (await gw.call('GET', `/api/tickets/${ticket}/consumables`, { cookie: hanna })).body.items.find((i: { item: string }) => i.item === filter);
    expect(used).toMatchObject({ requested: 3, issued: 3, used: 1, returned: 2 });
    expect(plain(await row.locator('[data-used]').textContent())).toBe('1');

    await occupant.reload();
    const summary = occupant.locator(`ds-order-summary [data-order="${orderId}"]`);
    await summary.locator('tr[data-line="custom"]', { hasText: 'Drain pan treatment' }).waitFor(seen);
    // The filter used is a billable item: it is charged at cost (189.00) beside the custom item.
    await summary.locator('tr[data-line="consumable"]', { hasText: 'Air-conditioner filter' }).waitFor(seen);
    expect(plain(await summary.locator('[data-order-due]').textContent())).toContain('309.50');

    const office = await newPage(1400, 1000);
    await signInTo(office, gw, 'hanna');
    await openSection(office, 'orders');
    const listed = office.locator(`ds-orders-section tr[data-order="${orderId}"]`);
    await listed.waitFor(seen);
    expect(plain(await listed.textContent())).toContain(catalogs.en['orderStatus.confirmed']);
    expect(await seriousViolations(office)).toEqual([]);
  });
});
