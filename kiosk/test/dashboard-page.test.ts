import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { dashboardUser, openSection, reportIn, rejectedMaintenance, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)('the facility dashboard', () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;

  const tile = (room: string) => page.locator(`ds-room-grid [data-room="${room}"]`);
  const rows = () => page.locator('ds-ticket-list tbody tr');
  const rowIds = async () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ticket')));
  const filter = (name: string, value: string) => page.locator(`ds-ticket-list select[name="${name}"]`).selectOption(value);

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });
  afterEach(async () => {
    await page.close();
    await gw.stop();
  });

  it('signs in and shows the 15 rooms by floor, each with its status word and status class', async () => {
    await signInTo(page, gw, dashboardUser);

    await tile('r305').waitFor(seen);

    expect(await page.locator('ds-room-grid [data-room]').count()).toBe(15);
    expect(await page.locator('ds-room-grid h3').allTextContents()).toEqual(['Floor 1', 'Floor 2', 'Floor 3']);
    const tiles = await page.locator('ds-room-grid [data-room]').evaluateAll((els) => els.map((el) => [el.className, el.textContent]));
    for (const [className, text] of tiles) {
      expect(className).toContain('status-available');
      expect(text).toContain('Available');
    }
    await page.locator('[data-user]').getByText(`Signed in as ${dashboardUser}`).waitFor(seen);
  });

  it('tells a signed-in cleaner that the dashboard is not for them, and shows nothing of the site', async () => {
    await signInTo(page, gw, 'ana');

    const refusal = page.locator('[data-not-allowed]');
    await refusal.waitFor(seen);

    expect(await refusal.textContent()).toContain('may not see the whole site');
    expect(await page.locator('ds-room-grid').count()).toBe(0);
  });

  it('turns a room\'s tile to Do Not Use the moment a rejection sets it, without a reload', async () => {
    await signInTo(page, gw, dashboardUser);
    await tile('r102').waitFor(seen);
    await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });

    await rejectedMaintenance(gw, 'r102', 'Safety hazard remains');

    await page.locator('ds-room-grid [data-room="r102"][data-status="do_not_use"]').waitFor(seen);
    expect(await tile('r102').getAttribute('class')).toContain('status-do_not_use');
    expect(await tile('r102').textContent()).toContain('Do not use');
    expect(await tile('r102').textContent()).toContain('Safety hazard remains');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('draws the figures as charts with data, and says the numbers in text', async () => {
    await rejectedMaintenance(gw, 'r203', 'Not repaired');
    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'figures');

    const openChart = page.locator('ds-bar-chart[data-chart="open"]');
    await openChart.getByRole('row', { name: /Escalated\s+1/ }).waitFor(seen);
    await page.locator('ds-bar-chart[data-chart="rejections-category"]').getByRole('row', { name: /Maintenance\s+100%/ }).waitFor(seen);

    // Bars are drawn in the chart's own blue; an empty chart has axes and grid lines only.
    const barPixels = await openChart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 11 && data[i + 1] === 61 && data[i + 2] === 145) count++;
      return count;
    });
    expect(barPixels).toBeGreaterThan(50);
    expect(await page.locator('[data-kpi="reported"] .value').textContent()).toBe('2');
    expect(await page.locator('[data-kpi="open"] .value').textContent()).toBe('2');
  });

  it('narrows the ticket list by status, priority and room', async () => {
    const { id: escalated, followUp } = await rejectedMaintenance(gw, 'r203', 'Not repaired');
    const cleaning = await reportIn(gw, 'r104', 'cleaning', 'Bins overflowing');
    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${cleaning}"]`).waitFor(seen);
    expect((await rowIds()).sort()).toEqual([escalated, followUp, cleaning].sort());

    await filter('status', 'escalated');
    await expect.poll(rowIds).toEqual([escalated]);

    await filter('status', '');
    await filter('priority', 'urgent');
    await expect.poll(rowIds).toEqual([followUp]);

    await filter('priority', '');
    await openSection(page, 'rooms');
    await tile('r104').click();
    await expect.poll(rowIds).toEqual([cleaning]);
    expect(await page.locator('ds-ticket-list select[name="room"]').inputValue()).toBe('r104');
    expect(await page.locator('ds-ticket-list [data-export="tickets"]').getAttribute('href')).toMatch(/\/api\/exports\/tickets\.csv\?room=r104$/);
  });

  it('dispatches a ticket to a member of another team from its detail, and the gateway has it so', async () => {
    const id = await reportIn(gw, 'r301', 'supplies', 'Water jugs empty');
    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${id}"] button`).click();
    const detail = page.locator(`ds-ticket-detail [data-detail="${id}"]`);
    await detail.waitFor(seen);

    await detail.locator('select[name="team"]').selectOption('cleaning');
    await detail.locator('select[name="assignee"]').selectOption('ben');
    await detail.locator('input[name="note"]').fill('Cleaning trolley carries jugs');
    await detail.getByRole('button', { name: 'Assign', exact: true }).click();

    await detail.locator('[data-assignee]').getByText('ben').waitFor(seen);
    const ticket = (await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login('hanna') })).body;
    expect(ticket).toMatchObject({ assignee: 'ben', team: 'cleaning', status: 'assigned' });
    expect(ticket.history.at(-1)).toMatchObject({ action: 'assign', note: 'Cleaning trolley carries jugs' });
    expect(await detail.locator('[data-team]').textContent()).toBe('cleaning');
  });

  it('finds an event in the audit trail by free text and shows the chain intact', async () => {
    const id = await reportIn(gw, 'r205', 'supplies', 'Printer paper missing on the north desk');
    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'audit');
    const audit = page.locator('ds-audit-trail');
    await audit.locator('[data-chain="ok"]').waitFor(seen);

    await audit.locator('input[name="q"]').fill('printer paper');
    await audit.getByRole('button', { name: 'Search' }).click();

    await audit.getByText('1 event found').waitFor(seen);
    expect(await audit.locator('tbody tr td:nth-child(5)').allTextContents()).toEqual([`Ticket ${id}`]);
    expect(await audit.locator('tbody tr td:nth-child(4)').allTextContents()).toEqual(['Ticket opened']);
    expect(await audit.locator('tbody tr td[data-type]').getAttribute('data-type')).toBe('ticket-opened');
    expect(await audit.locator('[data-export="audit"]').getAttribute('href')).toMatch(/\/api\/exports\/audit\.csv\?q=printer\+paper$/);
  });

  it('shows what the sync agent last reported, and says so plainly when the route is missing', async () => {
    await signInTo(page, gw, dashboardUser);
    await openSection(page, 'sync');
    await page.locator('ds-sync-panel [data-sync="not-connected"]').getByText('Not connected to a central server.').waitFor(seen);
    const key = JSON.parse(readFileSync(join(gw.dir, 'demo-credentials.json'), 'utf8')).bridge.key as string;
    const report = { lastSyncAt: null, lastAttemptAt: new Date().toISOString(), centralCursor: 40, gatewayHead: 52, lagEvents: 12, lagSeconds: 95, linkUp: false, lastError: 'central server unreachable' };
    const answer = await gw.call('PUT', '/api/bridge/status', { body: report, headers: { authorization: `Bearer ${key}` } });
    expect(answer.status).toBe(200);
    // The gateway counts the lag itself, from its own head and the age of the oldest event not yet shipped.
    const lagEvents = answer.body.status.lagEvents as number;
    expect(lagEvents).toBeGreaterThan(0);

    await page.reload();
    const panel = page.locator('ds-sync-panel');
    await panel.locator('[data-lag]').waitFor(seen);

    expect(await panel.locator('[data-lag]').textContent()).toMatch(new RegExp(`^Behind by ${lagEvents} events \\(\\d+ (s|min)\\)$`));
    expect(await panel.locator('dd').nth(3).textContent()).toBe(String(lagEvents));
    expect(await panel.locator('[data-sync="down"]').textContent()).toBe('Link to the central server is down');
    expect(await panel.locator('dd.error').textContent()).toBe('central server unreachable');
    await page.route('**/api/sync/status', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"NOT_FOUND","message":"no route"}' }));
    await page.reload();
    await page.locator('ds-sync-panel [data-sync="unavailable"]').waitFor(seen);
  });

  it('marks the page as reconnecting while the gateway is away, and shows what changed meanwhile once back', async () => {
    await signInTo(page, gw, dashboardUser);
    await tile('r101').waitFor(seen);
    await openSection(page, 'tickets');
    const port = Number(new URL(gw.http).port);

    await gw.close();
    await page.locator('[data-offline]').waitFor(seen);
    // A change the page cannot hear of: made by the same site on another port while its own is down.
    const elsewhere = await startTestGateway({ dataDir: gw.dir });
    const missed = await reportIn(elsewhere, 'r303', 'cleaning', 'Spilled tea');
    await elsewhere.close();
    gw = await startTestGateway({ dataDir: gw.dir, httpPort: port });

    await page.locator(`ds-ticket-list tr[data-ticket="${missed}"]`).waitFor({ timeout: 40_000 });
    await page.locator('[data-offline]').waitFor({ state: 'detached', timeout: 5_000 });
  // The page's reconnect backoff grows while the gateway is away; on a busy machine that takes a while.
  }, 60_000);
});
