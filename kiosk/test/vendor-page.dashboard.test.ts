import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { signInTo } from './dashboard-fixture.ts';
import { openVendorLink, sendWorkOrder } from './vendor-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the dashboard\'s work orders', () => {
  const site = browserSite({ gatewayPerTest: true });
  let dashboard: Page;
  let phone: Page;

  const openWorkOrders = async () => {
    await dashboard.locator('nav.sections a[data-nav="work-orders"]').click();
    await dashboard.locator('ds-work-orders-section [data-count]').waitFor(seen);
  };
  const row = (id: string) => dashboard.locator(`ds-work-orders-section tr[data-order="${id}"]`);
  const untilRowStatus = (id: string, status: string) => dashboard.locator(`ds-work-orders-section tr[data-order="${id}"][data-order-status="${status}"]`).waitFor(seen);

  beforeEach(async () => {
    dashboard = await site.browser.newPage({ viewport: { width: 1400, height: 900 } });
    phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const page of [dashboard, phone]) page.setDefaultTimeout(10_000);
  });
  afterEach(async () => {
    await dashboard.close();
    await phone.close();
  });

  it('follows the vendor\'s accept, start and done live, then lets the responsible person verify the work', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'en' });
    await signInTo(dashboard, site.gw, 'hanna');
    await openWorkOrders();
    await untilRowStatus(sent.id, 'sent');
    await dashboard.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
    await openVendorLink(phone, sent.url);

    const seenStatuses = [];
    await phone.getByRole('button', { name: 'Accept the order' }).click();
    await untilRowStatus(sent.id, 'accepted');
    seenStatuses.push('accepted');
    await phone.getByRole('button', { name: 'Start the work' }).click();
    await untilRowStatus(sent.id, 'in_progress');
    seenStatuses.push('in_progress');
    await phone.getByLabel('What was done').fill('New door closer fitted');
    await phone.getByLabel('Time spent, in minutes').fill('40');
    await phone.getByRole('button', { name: 'Send the report' }).click();
    await untilRowStatus(sent.id, 'done');
    seenStatuses.push('done');
    await row(sent.id).getByRole('button', { name: `Open ${sent.id}` }).click();
    await dashboard.locator('ds-work-order-detail [data-report]').waitFor(seen);
    await dashboard.locator('ds-work-order-detail button[data-step="verify"]').click();

    await untilRowStatus(sent.id, 'verified');
    expect(seenStatuses).toEqual(['accepted', 'in_progress', 'done']);
    expect(await dashboard.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect((await site.gw.call('GET', `/api/work-orders/${sent.id}`, { cookie: await site.gw.login('hanna') })).body.status).toBe('verified');
    expect(await seriousViolations(dashboard)).toEqual([]);
  });

  it('sends an order from a ticket, filters by status and vendor, and withdraws it with a reason', async () => {
    const first = await sendWorkOrder(site.gw, { language: 'en', vendorName: 'Nordlift AS' });
    const glazier = await site.gw.call('POST', '/api/vendors', { cookie: await site.gw.login('hanna'), body: {
      name: 'Glassmester Berg', trade: 'glazing', email: 'post@berg.example', contacts: [{ name: 'Lise Berg', email: 'lise@berg.example', language: 'nb' }],
    } });
    await signInTo(dashboard, site.gw, 'hanna');
    await openWorkOrders();

    const form = dashboard.locator('ds-work-orders-section ds-work-order-form');
    await form.locator('select[name="ticket"]').selectOption(first.ticket);
    await form.locator('select[name="vendor"]').selectOption(glazier.body.id);
    await form.getByLabel('Instructions').fill('Replace the cracked pane by the entrance');
    await form.getByLabel('Cost limit (optional)').fill('250');
    await form.getByRole('button', { name: 'Send to the vendor' }).click();
    await form.locator('[data-sent] [data-link]').waitFor(seen);
    const id = await form.locator('[data-sent]').getAttribute('data-sent');
    expect(await form.locator('[data-sent] [data-link]').textContent()).toMatch(/Lise Berg: http:\/\/127\.0\.0\.1:\d+\/wo\/[A-Za-z0-9_-]{22}/);
    await untilRowStatus(id!, 'sent');

    await dashboard.locator('ds-work-orders-section select[data-filter="vendor"]').selectOption(glazier.body.id);
    await expect.poll(() => dashboard.locator('ds-work-orders-section tr[data-order]').count(), seen).toBe(1);
    await dashboard.locator('ds-work-orders-section select[data-filter="vendor"]').selectOption('');
    await dashboard.locator('ds-work-orders-section select[data-filter="status"]').selectOption('verified');
    await dashboard.locator('ds-work-orders-section [data-no-orders]').waitFor(seen);
    await dashboard.locator('ds-work-orders-section select[data-filter="status"]').selectOption('');
    await row(id!).getByRole('button', { name: `Open ${id}` }).click();
    await dashboard.locator('ds-work-order-detail button[data-step="withdraw"]').click();
    await dashboard.locator('ds-work-order-detail [data-reason-form] input[name="reason"]').fill('Our own caretaker fixed it');
    await dashboard.locator('ds-work-order-detail [data-reason-form] button[type="submit"]').click();

    await untilRowStatus(id!, 'withdrawn');
    const order = (await site.gw.call('GET', `/api/work-orders/${id}`, { cookie: await site.gw.login('hanna') })).body;
    expect(order).toMatchObject({ status: 'withdrawn', vendor: glazier.body.id, ticket: first.ticket, instructions: 'Replace the cracked pane by the entrance', costLimit: { amount: 25000, currency: 'EUR' } });
    expect(order.history.at(-1).note).toBe('Our own caretaker fixed it');
  });

  it('shows a ticket\'s open work orders in its detail, and a new link revokes nothing but the old one', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'en' });
    await signInTo(dashboard, site.gw, 'hanna');
    await dashboard.locator('nav.sections a[data-nav="tickets"]').click();
    await dashboard.locator(`ds-ticket-list tr[data-ticket="${sent.ticket}"] button`).click();

    await dashboard.locator(`ds-ticket-work-orders li[data-ticket-order="${sent.id}"][data-order-status="sent"]`).waitFor(seen);

    await openWorkOrders();
    await row(sent.id).getByRole('button', { name: `Open ${sent.id}` }).click();
    await dashboard.locator(`ds-work-order-detail button[data-reissue="${sent.contact}"]`).click();
    await dashboard.locator('ds-work-order-detail [data-notice]').filter({ hasText: '/wo/' }).waitFor(seen);
    const fresh = /(http:\/\/\S+\/wo\/[A-Za-z0-9_-]{22})/.exec((await dashboard.locator('ds-work-order-detail [data-notice]').textContent())!)![1]!;
    const [oldLink, newLink] = [await fetch(sent.url, { redirect: 'manual' }), await fetch(fresh, { redirect: 'manual' })];
    await Promise.all([oldLink.arrayBuffer(), newLink.arrayBuffer()]);
    expect([oldLink.status, newLink.status]).toEqual([404, 303]);
  });
});
