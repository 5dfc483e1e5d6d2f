/**
 * `npm run screenshots`: every page in each of the four languages at phone, tablet and
 * desktop size, on a demo site with some work in progress, written to
 * docs/screenshots/<page>-<lang>-<size>.png. `SCREENSHOT_LANGS=en,zh` narrows the languages.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { SyncAgent } from '../cloud-bridge/src/agent/sync-agent.ts';
import { type Central, startCentral } from '../cloud-bridge/src/central/server.ts';
import { startTestGateway, type TestGateway } from '../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './test/chromium.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
const sizes = {
  phone: { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  tablet: { width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false, hasTouch: true },
  desktop: { width: 1440, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;
const locales = { en: 'en-GB', zh: 'zh-CN', nb: 'nb-NO', nl: 'nl-NL' } as const;
type Lang = keyof typeof locales;
const langs = (process.env.SCREENSHOT_LANGS?.split(',') ?? Object.keys(locales)).filter((l): l is Lang => l in locales);

type Size = keyof typeof sizes;
const headOffice = { username: 'head', password: 'screenshots-head-office' };
interface Shot { name: string; url: string; signIn?: (context: BrowserContext) => Promise<void>; ready: (page: Page) => Promise<void> }

if (!hasChromium) process.exit(1);
mkdirSync(out, { recursive: true });

const gw = await startTestGateway();
const centralDir = mkdtempSync(join(tmpdir(), 'doorside-screenshots-central-'));
let central: Central | undefined;
let agent: SyncAgent | undefined;
try {
  const scene = await demoScene(gw);
  central = await startCentral({ dataDir: centralDir, host: '127.0.0.1', port: 0 });
  agent = await synced(gw, central);
  const shots = [...shotsFor(gw, scene), ...centralShots(central)];
  const browser = await launchChromium();
  try {
    for (const lang of langs) {
      for (const shot of shots) {
        for (const size of Object.keys(sizes) as Size[]) {
          const { width, height, deviceScaleFactor, isMobile, hasTouch } = sizes[size];
          const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, isMobile, hasTouch, locale: locales[lang] });
          try {
            await shot.signIn?.(context);
            const page = await context.newPage();
            const url = new URL(shot.url);
            url.searchParams.set('lang', lang);
            await page.goto(url.href);
            await shot.ready(page);
            await page.waitForTimeout(300);
            const file = join(out, `${shot.name}-${lang}-${size}.png`);
            await page.screenshot({ path: file, fullPage: false });
            console.log(`screenshots: ${file}`);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await agent?.stop();
  await central?.close();
  rmSync(centralDir, { recursive: true, force: true });
  await gw.stop();
}


/** The demo site's log shipped to a central server by a real sync agent, for the cross-site view. */
async function synced(gw: TestGateway, central: Central): Promise<SyncAgent> {
  const { siteKey } = await central.addSite('demo', 'Demo building');
  await central.addUser(headOffice.username, headOffice.password, 'head_office');
  const agent = new SyncAgent({
    gatewayUrl: gw.http, bridgeKey: gw.creds.bridge!.key, centralUrl: central.url, site: 'demo', siteKey,
    batchSize: 2000, pollMs: 200, backoffMinMs: 100, backoffMaxMs: 2000, refusedRetryMs: 2000, timeoutMs: 10_000, log: false,
  });
  void agent.start();
  const deadline = Date.now() + 30_000;
  while ((await central.siteCursor('demo')).seq < gw.store.log.head.seq) {
    if (Date.now() > deadline) throw new Error('the demo site did not reach the central server');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return agent;
}

function centralShots(central: Central): Shot[] {
  const signIn = async (context: BrowserContext) => {
    const res = await context.request.post(`${central.url}/api/auth/login`, { data: headOffice });
    if (!res.ok()) throw new Error(`central sign-in: ${res.status()}`);
  };
  return [{ name: 'central', url: `${central.url}/central`, signIn, ready: async (page) => {
    await page.waitForSelector('ds-central-page');
    await page.waitForLoadState('networkidle');
  } }];
}

interface Scene { trackToken: string; dnuRoom: string; finishedRoom: string }

/** Some work in every state: reported, assigned, in progress, waiting for approval, rejected to Do Not Use. */
async function demoScene(gw: TestGateway): Promise<Scene> {
  const sofia = await gw.login('sofia');
  const marco = await gw.login('marco');
  const ana = await gw.login('ana');
  const dirk = await gw.login('dirk');
  const report = async (room: string, category: string, description: string) => {
    const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
    const res = await gw.call('POST', url.slice(gw.http.length), { body: { category, description } });
    if (res.status !== 201) throw new Error(`report ${room}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { ticket: { id: string }; trackToken: string };
  };
  const act = async (cookie: string, id: string, action: string, body: unknown = {}) => {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    if (res.status !== 200) throw new Error(`${action} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const tracked = await report('r101', 'cleaning', 'Coffee spilled on the carpet by the window');
  await act(sofia, tracked.ticket.id, 'assign', { assignee: 'ana' });
  await act(ana, tracked.ticket.id, 'start');
  await report('r104', 'cleaning', 'Bins overflowing in the kitchenette');
  await report('r201', 'av', 'Projector shows no picture from HDMI');
  await report('r305', 'supplies', 'Out of whiteboard markers');

  const finished = await report('r102', 'cleaning', 'Table and floor sticky after the workshop');
  await act(sofia, finished.ticket.id, 'assign', { assignee: 'ana' });
  await act(ana, finished.ticket.id, 'start');
  await act(ana, finished.ticket.id, 'complete', { note: 'Wiped table and mopped floor' });

  const broken = await report('r203', 'maintenance', 'Ceiling light flickers and buzzes');
  await act(marco, broken.ticket.id, 'assign', { assignee: 'dirk' });
  await act(dirk, broken.ticket.id, 'start');
  await act(dirk, broken.ticket.id, 'complete');
  const reasons = ((await gw.call('GET', '/api/categories', { cookie: marco })).body as { categories: Array<{ id: string; rejectionReasons: string[] }> })
    .categories.find((c) => c.id === 'maintenance')!.rejectionReasons;
  await act(marco, broken.ticket.id, 'reject', { reason: reasons.find((r) => /unsafe|hazard|danger/i.test(r)) ?? reasons[0], notes: 'Exposed wiring above the light' });

  return { trackToken: tracked.trackToken, dnuRoom: 'r203', finishedRoom: 'r102' };
}

function shotsFor(gw: TestGateway, scene: Scene): Shot[] {
  const sign = gw.creds.devices.find((d) => d.id === `sign-${scene.dnuRoom}`)!.url!;
  const report = gw.creds.rooms.find((r) => r.id === 'r101')!.reportUrl;
  const reportDnu = gw.creds.rooms.find((r) => r.id === scene.dnuRoom)!.reportUrl;
  const panel = gw.creds.panels.find((p) => p.room === scene.finishedRoom)!;
  const settled = (selector: string) => async (page: Page) => {
    await page.waitForSelector(selector);
    await page.waitForLoadState('networkidle');
  };
  const session = (username: string) => async (context: BrowserContext) => {
    const password = gw.creds.users.find((u) => u.username === username)!.password;
    const res = await context.request.post(`${gw.http}/api/auth/login`, { data: { username, password } });
    if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  };
  const panelSignedIn = async (page: Page) => {
    for (const digit of panel.pin) await page.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await page.locator('ds-pin-pad button.go').click();
    await page.locator('ds-finished-service').first().waitFor();
    await page.waitForLoadState('networkidle');
  };
  const section = (name: string) => settled(`[data-section="${name}"]`);
  return [
    { name: 'report', url: report, ready: settled('ds-report-page') },
    { name: 'report-do-not-use', url: reportDnu, ready: settled('ds-report-page') },
    { name: 'track', url: `${gw.http}/track/${scene.trackToken}`, ready: settled('ds-track-page') },
    { name: 'sign', url: sign, ready: settled('ds-sign-page') },
    { name: 'panel-approval', url: panel.url!, ready: panelSignedIn },
    { name: 'staff-queue', url: `${gw.http}/staff`, signIn: session('ana'), ready: settled('ds-staff-page') },
    { name: 'dashboard-rooms', url: `${gw.http}/dashboard#rooms`, signIn: session('hanna'), ready: section('rooms') },
    { name: 'dashboard-tickets', url: `${gw.http}/dashboard#tickets`, signIn: session('hanna'), ready: section('tickets') },
    { name: 'dashboard-room', url: `${gw.http}/dashboard#room/${scene.dnuRoom}`, signIn: session('hanna'), ready: section('room') },
    { name: 'dashboard-figures', url: `${gw.http}/dashboard#figures`, signIn: session('hanna'), ready: section('figures') },
    { name: 'dashboard-inquiries', url: `${gw.http}/dashboard#inquiries`, signIn: session('hanna'), ready: section('inquiries') },
  ];
}
