import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { sentMails } from '../../edge/src/test-support/outbox.ts';
import { portalLinkFor, toOf } from '../../edge/src/test-support/tenant-sign-in.ts';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

const seen = { timeout: 15_000 };
const en = catalogs.en;

describe.skipIf(!hasChromium)('the tenant portal', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite({ gateway: { demoInquiries: true } });
  afterEach(async () => { await page?.close(); });

  const portal = () => page.locator('ds-portal-page');
  const doorRequest = async (cookie: string) => ((await site.gw.call('GET', '/api/tickets?limit=500', { cookie })).body.tickets as { id: string; title: string }[])
    .find((t) => t.title === 'Boardroom door does not lock')!;

  it('signs a tenant in by a mailed link, shows requests, files one, answers an approval and marks an announcement read', async () => {
    const { gw } = site;
    const marco = await gw.login('marco');
    const door = await doorRequest(marco);
    const asked = (await gw.call('POST', `/api/tickets/${door.id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 4200, currency: 'NOK', limit: 500 }, note: 'New lock cylinder' } })).body;
    const until = new Date(Date.now() + 3600_000).toISOString();
    const news = (await gw.call('POST', '/api/announcements', { cookie: await gw.login('rita'), body: {
      title: { en: 'Water off <b>Tuesday</b>' }, text: { en: 'Between 9 and 11. <script>alert(1)</script>' }, targets: [{ kind: 'company', company: 'Nordlys AS' }], expiresAt: until,
    } })).body;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });

    await page.goto(`${gw.http}/portal?lang=en`);
    await portal().getByRole('heading', { name: en['portal.signInTitle'] }).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
    await portal().getByLabel(en['portal.email']).fill('lena.brandt@nordlys.example');
    await portal().getByRole('button', { name: en['portal.sendLink'] }).click();
    await portal().locator('[data-sent]').waitFor(seen);
    const mail = (await sentMails(gw)).filter((m) => toOf(m) === 'lena.brandt@nordlys.example').at(-1)!;
    const token = mail.text!.match(/\/portal#link=([A-Za-z0-9_-]+)/)![1]!;

    await page.goto(`${gw.http}/portal?lang=en#link=${token}`);
    await portal().getByRole('button', { name: en['portal.confirm'], exact: true }).waitFor(seen);
    expect(page.url()).not.toContain(token);
    await portal().getByRole('button', { name: en['portal.confirm'], exact: true }).click();
    await portal().locator('[data-me]').getByText('Lena Brandt').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    // Requests: the list, one opened with its replies, never the internal notes.
    await portal().getByRole('button', { name: 'Boardroom door does not lock' }).click();
    await portal().locator('[data-reply]').getByText('A technician will look at the door controller today').waitFor(seen);
    expect(await portal().locator('[data-detail]').textContent()).not.toContain('Salto service contract');
    await portal().getByRole('button', { name: en['portal.back'] }).click();

    // A new request for a room of the unit; an empty one is refused on the page.
    await portal().getByRole('button', { name: en['portal.newRequest'] }).click();
    await portal().getByRole('button', { name: en['portal.newSend'] }).click();
    await portal().locator('ds-portal-request-form [data-problem]').getByText(en['portal.newMissing']).waitFor(seen);
    await portal().getByLabel(en['portal.newTitle']).fill('Radiator is cold');
    await portal().getByLabel(en['portal.newDescription']).fill('The radiator by the window stays cold all day.');
    await portal().getByRole('button', { name: en['portal.newSend'] }).click();
    await portal().locator('[data-filed]').waitFor(seen);
    await portal().getByRole('button', { name: 'Radiator is cold' }).waitFor(seen);

    // The approval: a refusal needs a reason.
    const approval = portal().locator(`[data-approval="${asked.id}"]`);
    await approval.getByRole('button', { name: en['portal.decline'] }).click();
    await approval.getByRole('button', { name: en['portal.declineSend'] }).click();
    await approval.getByText(en['portal.reasonNeeded']).waitFor(seen);
    await approval.getByLabel(en['portal.declineReason']).fill('Too expensive, repair the old one');
    await approval.getByRole('button', { name: en['portal.declineSend'] }).click();
    await approval.locator('[data-answered="declined"]').waitFor(seen);

    // The announcement, its markup shown as text, then marked read.
    const shown = portal().locator(`[data-announcement="${news.id}"]`);
    await shown.getByText('Water off <b>Tuesday</b>').waitFor(seen);
    await shown.getByText('<script>alert(1)</script>', { exact: false }).waitFor(seen);
    await shown.getByRole('button', { name: en['portal.markRead'] }).click();
    await shown.locator('[data-read]').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    const filed = (await gw.call('GET', '/api/tickets?limit=500', { cookie: marco })).body.tickets as { title: string; room: string }[];
    expect(filed.find((t) => t.title === 'Radiator is cold')?.room).toBe('r201');
    expect((await gw.call('GET', `/api/tickets/${door.id}/approvals`, { cookie: marco })).body.approvals[0]).toMatchObject({ status: 'declined', comment: 'Too expensive, repair the old one' });
    const reach = ((await gw.call('GET', '/api/announcements', { cookie: await gw.login('rita') })).body.announcements as { id: string; reach: { read: number } }[]).find((a) => a.id === news.id);
    expect(reach?.reach.read).toBe(1);
  });

  it('speaks the tenant\'s own language, and refuses a link used twice in it', async () => {
    const { gw } = site;
    const token = await portalLinkFor(gw, 'mei.lin@harbour.example');
    const zh = catalogs.zh;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });

    // The page speaks the browser's language until it knows who signed in.
    await page.goto(`${gw.http}/portal#link=${token}`);
    await portal().getByRole('button', { name: en['portal.confirm'], exact: true }).click();

    await portal().getByRole('heading', { name: zh['portal.requests'] }).waitFor(seen);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
    await portal().locator('[data-me]').getByText('Mei Lin').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
    await portal().getByRole('button', { name: zh['portal.signOut'] }).click();
    await portal().getByRole('heading', { name: zh['portal.signInTitle'], exact: true }).waitFor(seen);
    await page.goto(`${gw.http}/portal?lang=zh#link=${token}`);
    await portal().getByRole('button', { name: zh['portal.confirm'], exact: true }).click();
    await portal().locator('[data-problem]').getByText(zh['portal.linkUsed']).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
