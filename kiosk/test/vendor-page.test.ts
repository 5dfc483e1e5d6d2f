import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { report, scrollsSideways } from './occupant-fixture.ts';
import { openVendorLink, sendWorkOrder } from './vendor-fixture.ts';

const seen = { timeout: 10_000 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.skipIf(!hasChromium)('the vendor\'s page', () => {
  const site = browserSite({ gatewayPerTest: true });
  let page: Page;

  const order = async (id: string) => (await site.gw.call('GET', `/api/work-orders/${id}`, { cookie: await site.gw.login('hanna') })).body;
  const untilStatus = (status: string) => page.locator(`ds-vendor-page [data-status="${status}"]`).waitFor(seen);
  const photo = async () => sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a6' } }).jpeg().toBuffer();

  beforeEach(async () => { page = await site.browser.newPage({ viewport: { width: 390, height: 844 } }); });
  afterEach(async () => { await page.close(); });

  it('shows the order in the contact\'s language: what, where, by when, the cost limit and the ticket\'s photo', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'nb', withPhoto: true });

    await openVendorLink(page, sent.url);

    expect(new URL(page.url()).pathname).toBe('/wo');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await page.getByRole('heading', { name: `Arbeidsordre ${sent.id}` }).waitFor(seen);
    expect(await page.locator('ds-vendor-order [data-instructions]').textContent()).toBe('Key at reception, ask for Rita');
    expect(await page.locator('ds-vendor-order [data-cost]').textContent()).toMatch(/500/);
    expect(await page.locator('ds-vendor-order [data-room]').textContent()).toBe('Reception Lounge, etasje 1');
    expect(await page.locator('ds-vendor-order [data-file] img').count()).toBe(1);
    expect(await page.locator('ds-vendor-order [data-file] img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth > 0))).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('accepts, uploads a photo and a PDF quote, starts and reports the work done with notes, time and a photo', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'en' });
    await openVendorLink(page, sent.url);
    await untilStatus('sent');

    await page.getByRole('button', { name: 'Accept the order' }).click();
    await untilStatus('accepted');
    await page.getByLabel('Photos or a PDF (quote, invoice)').setInputFiles([
      { name: 'before.jpg', mimeType: 'image/jpeg', buffer: await photo() },
      { name: 'quote.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.getByRole('button', { name: 'Upload files' }).click();
    await page.locator('ds-vendor-page [data-saved]').filter({ hasText: 'Your files were added.' }).waitFor(seen);
    await page.getByRole('button', { name: 'Start the work' }).click();
    await untilStatus('in_progress');
    await page.getByLabel('What was done').fill('Replaced the door closer');
    await page.getByLabel('Time spent, in minutes').fill('45');
    await page.getByLabel('Photos of the result (optional)').setInputFiles([{ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo() }]);
    await page.getByRole('button', { name: 'Send the report' }).click();
    await untilStatus('done');

    const after = await order(sent.id);
    expect(after).toMatchObject({ status: 'done', report: { notes: 'Replaced the door closer', minutes: 45 } });
    expect(after.attachments.map((a: { type: string }) => a.type).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/jpeg']);
    expect(await page.locator('ds-vendor-order [data-file]').count()).toBe(3);
    expect(await page.locator('ds-vendor-actions [data-act="start"]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('declines with a reason, after which the page offers nothing more to do', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'en' });
    await openVendorLink(page, sent.url);
    await untilStatus('sent');

    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByLabel('Why do you decline?').fill('No lift technician free before January');
    await page.getByRole('button', { name: 'Send the decline' }).click();
    await untilStatus('declined');

    expect(await order(sent.id)).toMatchObject({ status: 'declined', declineReason: 'No lift technician free before January' });
    expect(await page.locator('ds-vendor-order [data-declined]').textContent()).toContain('No lift technician free before January');
    expect(await page.locator('ds-vendor-actions button').count()).toBe(0);
  });

  it('says a refused file in the vendor\'s words and keeps the order as it was', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'en' });
    await openVendorLink(page, sent.url);
    await untilStatus('sent');

    await page.getByLabel('Photos or a PDF (quote, invoice)').setInputFiles([{ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') }]);
    await page.getByRole('button', { name: 'Upload files' }).click();

    await expect.poll(() => page.locator('ds-vendor-actions [data-failure]').textContent(), seen).toContain('A file was refused');
    expect((await order(sent.id)).attachments).toEqual([]);
  });

  it('switches language on request and keeps the choice in the address', async () => {
    const sent = await sendWorkOrder(site.gw, { language: 'nl' });
    await openVendorLink(page, sent.url);
    await page.getByRole('button', { name: 'Opdracht accepteren' }).waitFor(seen);

    await page.locator('ds-lang-switch select').selectOption('zh');

    await page.getByRole('button', { name: '接受工作单' }).waitFor(seen);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh');
  });

  it('tells a reader whose link is unknown or revoked, without a word about the order', async () => {
    const { id } = await report(site.gw, 'r102', 'maintenance');
    const sent = await sendWorkOrder(site.gw, { language: 'en', ticket: id });
    await site.gw.call('DELETE', `/api/work-orders/${sent.id}/contacts/${sent.contact}/link`, { cookie: await site.gw.login('hanna') });

    const res = await fetch(sent.url, { redirect: 'manual' });
    await res.arrayBuffer();
    await page.goto(`${site.gw.http}/wo`);

    expect(res.status).toBe(404);
    await page.locator('ds-vendor-page [data-unknown]').waitFor(seen);
    expect(await page.locator('ds-vendor-page').evaluate((el) => el.shadowRoot!.textContent)).not.toContain(sent.id);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the tenant on the tracking page, live, when the service company starts and when it reports the work done', async () => {
    const reported = await report(site.gw, 'r103', 'maintenance', 'The window does not close');
    const sent = await sendWorkOrder(site.gw, { language: 'en', ticket: reported.id });
    const token = new URL(sent.url).pathname.split('/').pop()!;
    await page.goto(`${site.gw.http}/track/${reported.token}`);
    await page.locator('ds-track-page [data-live]').waitFor(seen);

    for (const [action, body] of [['accept', {}], ['start', {}]] as const) expect((await site.gw.call('POST', `/api/wo/${token}/${action}`, { body })).status).toBe(200);
    await page.locator('ds-track-page [data-work="work-started"]').waitFor(seen);
    expect((await site.gw.call('POST', `/api/wo/${token}/done`, { body: { notes: 'Hinge replaced', minutes: 25 } })).status).toBe(200);

    await page.locator('ds-track-page [data-work="work-done"]').waitFor(seen);
    expect(await page.locator('ds-track-page [data-vendor-work] li').allTextContents()).toEqual([
      expect.stringMatching(/^The service company started the work /), expect.stringMatching(/^The service company reported the work done /),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
