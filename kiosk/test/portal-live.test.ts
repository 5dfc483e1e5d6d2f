import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { portalLinkFor, tenantSignIn } from '../../edge/src/test-support/tenant-sign-in.ts';
import { catalogs } from '../src/i18n/index.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };
const en = catalogs.en;

describe.skipIf(!hasChromium)('the tenant portal, live', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite({ gateway: { demoInquiries: true } });
  afterEach(async () => { await page?.close(); });

  const portal = () => page.locator('ds-portal-page');
  const signIn = async (email: string) => {
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.gw.http}/portal?lang=en#link=${await portalLinkFor(site.gw, email)}`);
    await portal().getByRole('button', { name: en['portal.confirm'], exact: true }).click();
    await portal().locator('[data-me]').waitFor(seen);
  };

  it('shows a colleague\'s new request, its reply and its new status, an approval and an announcement to the company\'s administrator without a reload', async () => {
    const { gw } = site;
    await signIn('grace.miller@harbour.example');
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    const mei = await tenantSignIn(gw, 'mei.lin@harbour.example');
    const marco = await gw.login('marco');

    const id = (await gw.call('POST', '/api/portal/requests', { cookie: mei, body: { room: 'r302', category: 'cleaning', title: 'Projector dusty', description: 'Lens needs cleaning' } })).body.request.id as string;
    await portal().getByRole('button', { name: 'Projector dusty' }).waitFor(seen);
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'ana' } });
    await portal().locator(`[data-request="${id}"] [data-status="assigned"]`).waitFor(seen);
    const asked = (await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 4200, currency: 'NOK', limit: 500 }, note: 'New lens' } })).body;
    await portal().locator(`[data-approval="${asked.id}"]`).waitFor(seen);
    await portal().getByRole('button', { name: 'Projector dusty' }).click();
    await gw.call('POST', `/api/tickets/${id}/reply`, { cookie: marco, body: { text: 'Cleaned this afternoon' } });
    await portal().locator('[data-reply]').getByText('Cleaned this afternoon').waitFor(seen);
    const news = (await gw.call('POST', '/api/announcements', { cookie: await gw.login('rita'), body: {
      title: { en: 'Harbour fire drill' }, text: { en: 'Thursday at ten' }, targets: [{ kind: 'company', company: 'Harbour Trading Ltd' }], expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    } })).body;
    await portal().locator(`[data-announcement="${news.id}"]`).getByText('Harbour fire drill').waitFor(seen);

    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('tells a plain tenant nothing of a colleague\'s request', async () => {
    const { gw } = site;
    await signIn('sigrid.dahl@nordlys.example');
    const lena = await tenantSignIn(gw, 'lena.brandt@nordlys.example');
    const mine = await tenantSignIn(gw, 'sigrid.dahl@nordlys.example');

    await gw.call('POST', '/api/portal/requests', { cookie: lena, body: { room: 'r201', category: 'cleaning', title: 'Lena only', description: 'Her own' } });
    await gw.call('POST', '/api/portal/requests', { cookie: mine, body: { room: 'r202', category: 'cleaning', title: 'Sigrid too', description: 'Her own' } });
    await portal().getByRole('button', { name: 'Sigrid too' }).waitFor(seen);

    expect(await portal().getByRole('button', { name: 'Lena only' }).count()).toBe(0);
  });

  it('goes back to the sign-in form when the session ends elsewhere', async () => {
    const { gw } = site;
    await signIn('mei.lin@harbour.example');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    await gw.call('POST', '/api/auth/logout', { cookie });

    await portal().getByRole('heading', { name: en['portal.signInTitle'] }).waitFor(seen);
    expect(await portal().locator('[data-me]').count()).toBe(0);
  });
});
