import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { doNotUse, hasGps, jpegWithGps, keepUploadedFiles, roomOf, scrollsSideways, openPage } from './occupant-fixture.ts';

const seen = { timeout: 10_000 };
const reportsOf = (gw: TestGateway, room: string) => gw.store.tickets.openInRoom(room).filter((t) => t.kind === 'report');

describe.skipIf(!hasChromium)('the occupant report page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;
  let camera: Buffer;

  const fill = async (category: string, description: string) => {
    await page.locator(`ds-category-picker label[data-category="${category}"]`).click();
    await page.locator('ds-report-form textarea[name="description"]').fill(description);
  };
  const attach = async (locator = 'ds-report-form ds-photo-picker input[type="file"]') => {
    await page.locator(locator).setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: camera });
    await page.locator('ds-photo-picker img').first().waitFor(seen);
  };
  const send = () => page.locator('ds-report-form button[data-send]').click();

  beforeAll(async () => {
    browser = await launchChromium();
    camera = await jpegWithGps();
  });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterEach(async () => {
    await page.close();
    await gw.stop();
  });

  it('opens on the room with its status and sends a report whose photo left the phone small and without EXIF', async () => {
    await page.addInitScript(keepUploadedFiles);
    await openPage(page, roomOf(gw, 'r102').reportUrl);
    await page.locator('ds-room-header h1').getByText('Meeting Room Fjord').waitFor(seen);
    expect(await page.locator('ds-room-header [data-status]').getAttribute('data-status')).toBe('available');

    await fill('cleaning', 'Coffee spilled under the window table');
    await attach();
    await send();

    await page.locator('ds-report-sent [data-sent]').waitFor(seen);
    const [ticket] = reportsOf(gw, 'r102');
    expect(ticket).toMatchObject({ category: 'cleaning', description: 'Coffee spilled under the window table' });
    expect(await page.locator('ds-report-sent').getByText(`Report number ${ticket!.id}`).count()).toBe(1);
    expect(await page.locator('ds-report-sent a[data-track-link]').getAttribute('href')).toMatch(/\/track\/[A-Za-z0-9_-]{22,}\?lang=en$/);
    const uploads = await page.evaluate(() => (window as unknown as { sentFiles: string[] }).sentFiles);
    expect(uploads).toHaveLength(1);
    const onTheWire = await sharp(Buffer.from(uploads[0]!, 'base64')).metadata();
    expect([onTheWire.format, onTheWire.exif, Math.max(onTheWire.width!, onTheWire.height!)]).toEqual(['jpeg', undefined, 1600]);
    const stored = await sharp(join(gw.dir, 'attachments', `${ticket!.attachments[0]!.id}.jpg`)).metadata();
    expect(hasGps(stored.exif)).toBe(false);
    expect(stored.exif).toBeUndefined();
    expect(Math.max(stored.width!, stored.height!)).toBeLessThanOrEqual(1600);
    expect(hasGps((await sharp(camera).metadata()).exif)).toBe(true);
  });

  it('keeps the typed text, the category and the photo when the connection drops, and sends them on the next try', async () => {
    await page.route('**/api/rooms/*/reports*', (route) => route.abort('failed'));
    await openPage(page, roomOf(gw, 'r103').reportUrl);
    await fill('maintenance', 'Door handle came off');
    await attach();

    await send();

    await page.locator('ds-report-form [data-failure]').getByText('Not sent: the connection dropped. Everything you entered is kept. Try again.').waitFor(seen);
    expect(await page.locator('ds-report-form textarea[name="description"]').inputValue()).toBe('Door handle came off');
    expect(await page.locator('ds-category-picker input[value="maintenance"]').isChecked()).toBe(true);
    expect(await page.locator('ds-photo-picker img').count()).toBe(1);
    expect(reportsOf(gw, 'r103')).toEqual([]);
    await page.unroute('**/api/rooms/*/reports*');
    await send();
    await page.locator('ds-report-sent [data-sent]').waitFor(seen);
    expect(reportsOf(gw, 'r103')).toMatchObject([{ category: 'maintenance', description: 'Door handle came off', attachments: [{ by: 'occupant' }] }]);
  });

  it('says what went wrong on a gateway error and on a rate limit, with the wait, and lets the occupant try again', async () => {
    const answers = [
      { status: 503, body: { error: 'INTERNAL', message: 'down' } },
      { status: 429, body: { error: 'RATE_LIMITED', message: 'too many', details: { retryAfterSeconds: 42 } }, headers: { 'retry-after': '42' } },
    ];
    await page.route('**/api/rooms/*/reports*', (route) => {
      const answer = answers.shift();
      return answer ? route.fulfill({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body), headers: answer.headers ?? {} }) : route.continue();
    });
    await openPage(page, roomOf(gw, 'r104').reportUrl);
    await fill('supplies', 'No paper towels');
    const failure = page.locator('ds-report-form [data-failure]');

    await send();
    await failure.getByText('Not sent: the building’s system had a problem.', { exact: false }).waitFor(seen);
    await send();
    await failure.getByText('Try again in 42 seconds', { exact: false }).waitFor(seen);
    await send();

    await page.locator('ds-report-sent [data-sent]').waitFor(seen);
    expect(reportsOf(gw, 'r104')).toMatchObject([{ category: 'supplies', description: 'No paper towels' }]);
  });

  it('shows upload progress on the send button over a slow link', async () => {
    const cdp = await page.context().newCDPSession(page);
    await openPage(page, roomOf(gw, 'r105').reportUrl);
    await fill('cleaning', 'Crumbs on every chair');
    await attach();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 200_000, uploadThroughput: 40_000 });
    const labels: string[] = [];
    const watch = setInterval(() => { void page.locator('ds-report-form button[data-send]').textContent().then((t) => labels.push(t?.trim() ?? ''), () => {}); }, 50);

    await send();
    await page.locator('ds-report-sent [data-sent]').waitFor({ timeout: 20_000 });
    clearInterval(watch);

    const percents = labels.map((l) => /^Sending… (\d+)%$/.exec(l)?.[1]).filter((p) => p !== undefined).map(Number);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
  });

  it('says a Do Not Use room is closed before any form and adds a note to its open report instead of a new one', async () => {
    const { id } = await doNotUse(gw, 'r201');
    const ticketsBefore = gw.store.tickets.list({ room: 'r201', limit: 100 }).length;
    await openPage(page, roomOf(gw, 'r201').reportUrl);

    const notice = page.locator('[data-dnu]');
    await notice.waitFor(seen);
    expect(await notice.textContent()).toContain('Reason: Safety hazard remains');
    expect(await page.locator('ds-report-form').count()).toBe(0);
    await page.locator('ds-add-note textarea[name="note"]').fill('Now there is smoke from the socket');
    await attach('ds-add-note ds-photo-picker input[type="file"]');
    await page.getByRole('button', { name: `Add to report ${id}` }).click();

    await page.locator(`[data-note-added="${id}"]`).waitFor(seen);
    const staffView = await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login('marco') });
    expect(staffView.body.notes.at(-1)).toMatchObject({ by: 'occupant', text: 'Now there is smoke from the socket', internal: false });
    expect(staffView.body.attachments.at(-1)).toMatchObject({ by: 'occupant' });
    expect(gw.store.tickets.list({ room: 'r201', limit: 100 }).length).toBe(ticketsBefore);
  });

  it('still lets the occupant of a Do Not Use room file a different problem', async () => {
    await doNotUse(gw, 'r202');
    await openPage(page, roomOf(gw, 'r202').reportUrl);
    await page.locator('[data-dnu]').waitFor(seen);

    await page.locator('button[data-new-report]').click();
    await fill('climate', 'Far too cold');
    await send();

    await page.locator('ds-report-sent [data-sent]').waitFor(seen);
    expect(reportsOf(gw, 'r202').map((t) => t.category).sort()).toEqual(['climate', 'maintenance']);
  });

  it('tells the holder of a replaced code to ask reception', async () => {
    const old = roomOf(gw, 'r203').reportUrl;
    const rotated = await gw.call('POST', '/api/rooms/r203/qr/rotate', { cookie: await gw.login('admin') });
    expect(rotated.status).toBe(200);

    await openPage(page, old);

    await page.locator('[data-code-problem]').getByText('This code has been replaced. Please ask reception.').waitFor(seen);
    expect(await page.locator('ds-report-form').count()).toBe(0);
  });

  it('fits a 360 px wide phone without sideways scrolling, with the form, a photo and the Do Not Use notice', async () => {
    await doNotUse(gw, 'r204');
    await page.setViewportSize({ width: 360, height: 740 });

    await openPage(page, roomOf(gw, 'r205').reportUrl);
    await fill('av', 'Projector shows no picture at all from the wall socket');
    await attach();
    const normal = await scrollsSideways(page);
    await openPage(page, roomOf(gw, 'r204').reportUrl);
    await page.locator('[data-dnu]').waitFor(seen);
    const closed = await scrollsSideways(page);

    expect([normal, closed]).toEqual([false, false]);
  });
});
