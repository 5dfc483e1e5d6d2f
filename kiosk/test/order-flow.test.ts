import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };
/** Text as read aloud: money is written with non-breaking spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe.skipIf(!hasChromium)('booking a paid service from the room\'s QR page', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite({ gatewayPerTest: true });
  afterEach(async () => { await page?.close(); });

  const roomPage = (room: string, lang: string) => {
    const url = new URL(site.gw.creds.rooms.find((r) => r.id === room)!.reportUrl);
    url.searchParams.set('lang', lang);
    return url.href;
  };
  const book = async (service: string) => {
    await page.locator(`ds-paid-services li[data-service="${service}"] button`).click();
    await page.locator(`ds-order-flow [data-order-flow="${service}"]`).waitFor(seen);
  };
  /** The first visit time the form offers that still has a place. */
  const firstFreeSlot = async () => {
    const select = page.locator('ds-order-flow select[data-slot]');
    await select.waitFor(seen);
    return select.locator('option:not([disabled])').nth(1).getAttribute('value');
  };

  it('books two air conditioners, pays on the provider\'s page, and the tracking page shows the order and its receipt', async () => {
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(roomPage('r201', 'en'));
    await page.getByRole('heading', { name: 'Paid services' }).waitFor(seen);
    await book('ac-cleaning');
    expect(plain(await page.locator('ds-order-flow [data-price-rule]').textContent())).toContain('NOK 650.00 per unit');

    const slot = (await firstFreeSlot())!;
    await page.locator('ds-order-flow select[data-slot]').selectOption(slot);
    await page.locator('ds-order-flow input[data-quantity]').fill('2');
    const form = page.locator('ds-order-flow');
    await form.getByLabel('Name', { exact: true }).fill('Lena Brandt');
    await form.getByLabel('Phone', { exact: true }).fill('+47 22 33 44 55');
    expect(plain(await page.locator('ds-order-flow [data-order-price]').textContent())).toBe('NOK 1,300.00');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: /^Order and pay NOK.1,300\.00$/ }).click();

    const placed = page.locator('ds-order-placed [data-order-placed]');
    await placed.waitFor(seen);
    const orderId = (await placed.getAttribute('data-order-placed'))!;
    expect(plain(await placed.locator('[data-order-total]').textContent())).toBe('NOK 1,300.00');
    expect(await seriousViolations(page)).toEqual([]);
    const order = site.gw.store.orders.get(orderId)!;
    expect(order).toMatchObject({ room: 'r201', service: 'ac-cleaning', quantity: 2, total: 130_000, status: 'awaiting-payment', slot: { start: slot } });

    await page.getByRole('link', { name: /^Pay NOK.1,300\.00$/ }).click();
    await page.locator('ds-pay-page [data-amount]').getByText(/NOK.1,300\.00/).waitFor(seen);
    await page.getByRole('button', { name: /^Pay NOK.1,300\.00$/ }).click();
    await page.locator('ds-pay-page [data-back]').click();

    await page.locator(`ds-order-summary [data-order="${orderId}"][data-order-status="confirmed"]`).waitFor(seen);
    expect(plain(await page.locator('ds-order-summary [data-order-paid]').textContent())).toBe('NOK 1,300.00');
    await page.locator('ds-receipt [data-receipt]').getByText(/NOK.1,300\.00/).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('books a lock change on the company\'s account in Dutch: the company is asked for, nothing is paid on the spot, and the booking is confirmed', async () => {
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(roomPage('r203', 'nl'));
    await book('lock-change');
    const form = page.locator('ds-order-flow');
    await form.locator('select[data-slot]').selectOption((await firstFreeSlot())!);
    await form.getByLabel(catalogs.nl['order.name'], { exact: true }).fill('Daan de Vries');
    await form.getByLabel(catalogs.nl['order.phone'], { exact: true }).fill('+31 20 555 0101');
    await form.getByRole('button', { name: catalogs.nl['order.confirm'] }).click();
    await form.getByText(catalogs.nl['order.missingCompany']).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    await form.locator('input[data-contact="company"]').fill('Tulip Consulting BV');
    await form.getByRole('button', { name: catalogs.nl['order.confirm'] }).click();

    const placed = page.locator('ds-order-placed [data-order-placed]');
    await placed.waitFor(seen);
    expect(await page.locator('ds-order-placed a[data-pay-link]').count()).toBe(0);
    const order = site.gw.store.orders.get((await placed.getAttribute('data-order-placed'))!)!;
    expect(order).toMatchObject({ paymentMode: 'company', status: 'confirmed', contact: { company: 'Tulip Consulting BV' } });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says a visit time was just taken when the last place goes while the form is open, offers it no more, and orders nothing', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(roomPage('r201', 'nb'));
    await book('drain-unblocking');
    const slot = (await firstFreeSlot())!;
    await page.locator('ds-order-flow select[data-slot]').selectOption(slot);
    const form = page.locator('ds-order-flow');
    await form.getByLabel(catalogs.nb['order.name'], { exact: true }).fill('Ola Nordmann');
    await form.getByLabel(catalogs.nb['order.email'], { exact: true }).fill('ola@example.no');
    // Someone else takes the slot's one place from another room's QR code first.
    const k = new URL(gw.creds.rooms.find((r) => r.id === 'r202')!.reportApi).searchParams.get('k')!;
    const other = await gw.call('POST', `/api/rooms/r202/orders?k=${k}`, { body: { service: 'drain-unblocking', slot, contact: { name: 'Kari', phone: '+47 900 00 000' } } });
    expect(other.status).toBe(201);
    const before = gw.store.orders.list({ limit: 1000 }).length;

    await page.getByRole('button', { name: catalogs.nb['order.confirm'] }).click();

    await page.locator('ds-order-flow [data-order-failure]').getByText(catalogs.nb['order.slotTaken']).waitFor(seen);
    expect(await page.locator(`ds-order-flow select[data-slot] option[value="${slot}"]`).isDisabled()).toBe(true);
    expect(await page.locator('ds-order-flow select[data-slot]').inputValue()).toBe('');
    expect(await form.getByLabel(catalogs.nb['order.name'], { exact: true }).inputValue()).toBe('Ola Nordmann');
    expect(gw.store.orders.list({ limit: 1000 }).length).toBe(before);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
