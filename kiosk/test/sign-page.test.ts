import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { catalogs } from '../src/i18n/index.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the room sign page', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;
  let stopped: boolean;

  const signUrl = (room: string, extra = '') => {
    const url = gw.creds.devices.find((d) => d.kind === 'sign' && d.room === room)?.url;
    if (!url) throw new Error(`no sign url for ${room} in the demo credentials`);
    return `${url}${extra}`;
  };
  const statusWord = () => page.locator('ds-status-word .main');
  const setStatus = async (room: string, status: string, reason: string) => {
    const cookie = await gw.login('hanna');
    const res = await gw.call('POST', `/api/rooms/${room}/status`, { cookie, body: { status, reason } });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    stopped = false;
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
    if (!stopped) await gw.stop();
  });

  it('shows the room name and its status word from the first snapshot', async () => {
    const url = signUrl('r102');

    await page.goto(url);

    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    expect(await page.locator('h1').textContent()).toBe('Meeting Room Fjord');
  });

  it('changes to "Do not use" with its reason the moment the status changes, without a reload', async () => {
    await page.goto(signUrl('r102'));
    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    await page.evaluate(() => { (window as { sameDocument?: boolean }).sameDocument = true; });

    await setStatus('r102', 'do_not_use', 'Water leak');

    await statusWord().getByText('Do not use', { exact: true }).waitFor(seen);
    await page.getByText('Water leak', { exact: true }).waitFor(seen);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('shows a status set while it was closed at once when opened again', async () => {
    await setStatus('r102', 'pending_recovery', 'Cleaning rejected');

    await page.goto(signUrl('r102'));

    await statusWord().getByText('Pending recovery', { exact: true }).waitFor(seen);
    await page.getByText('Cleaning rejected', { exact: true }).waitFor(seen);
  });

  it('shows an offline mark when the gateway goes away', async () => {
    await page.goto(signUrl('r102'));
    await statusWord().getByText('Available', { exact: true }).waitFor(seen);

    await gw.stop();
    stopped = true;

    await page.locator('ds-offline-mark').getByText('Offline').waitFor(seen);
  });

  it('reconnects by itself when the gateway is back, and drops the offline mark', async () => {
    await page.goto(signUrl('r102'));
    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    const port = Number(new URL(gw.http).port);
    await gw.close();
    await page.locator('ds-offline-mark').waitFor(seen);

    gw = await startTestGateway({ dataDir: gw.dir, httpPort: port });
    await setStatus('r102', 'in_service', 'Deep clean');

    // The page knocks again on its own backoff (at most 30 s apart); a loaded machine restarts slowly.
    await statusWord().getByText('Being serviced', { exact: true }).waitFor({ timeout: 40_000 });
    expect(await page.locator('ds-offline-mark').count()).toBe(0);
  }, 75_000);

  it.each(['zh', 'nb', 'nl'] as const)('speaks %s when the link says ?lang=', async (lang) => {
    const url = signUrl('r103', `&lang=${lang}`);

    await page.goto(url);

    await statusWord().getByText(catalogs[lang]['status.available'], { exact: true }).waitFor(seen);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  });

  it('shows the word in every site language listed in ?langs=', async () => {
    const url = signUrl('r103', '&lang=nb&langs=en,nb');

    await page.goto(url);

    await statusWord().getByText('Ledig', { exact: true }).waitFor(seen);
    await page.locator('ds-status-word .others').getByText('Available', { exact: true }).waitFor(seen);
  });

  it('opens with the room QR secret instead of device credentials', async () => {
    const room = gw.creds.rooms.find((r) => r.id === 'r201')!;

    await page.goto(`${gw.http}/sign/r201?k=${room.qr}`);

    await statusWord().getByText('Available', { exact: true }).waitFor(seen);
    expect(await page.locator('h1').textContent()).toBe('Boardroom');
  });

  it('says the link is refused when the secret is wrong, and shows no status', async () => {
    const url = `${gw.http}/sign/r102?device=sign-r102&secret=wrong`;

    await page.goto(url);

    await page.getByText('This sign may not show room r102', { exact: false }).waitFor(seen);
    expect(await statusWord().count()).toBe(0);
  });
});
