import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../../kiosk/test/axe.ts';
import { hasChromium, launchChromium } from '../../kiosk/test/chromium.ts';
import type { Central } from '../src/central/server.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { call, centralHarness } from './support/central-harness.ts';

const seen = { timeout: 10_000 };
const PASSWORD = 'a long enough password';

/** The line a site restored from a backup at `log[at - 1]` writes: `site-restored`, then `more` events. */
function restoredLine(log: ShippedEvent[], at: number, more: number): ShippedEvent[] {
  const backup = { seq: log[at - 1]!.seq, hash: log[at - 1]!.hash };
  return buildChain('north', 1 + more, backup, (seq) => seq === backup.seq + 1
    ? { at: '2026-11-21T08:00:00.000Z', actor: 'system:restore', type: 'site-restored', entity: 'site:north', state: { backup, file: 'north.sqlite' } }
    : { at: '2026-11-21T08:05:00.000Z', actor: 'user:sofia', type: 'note-written', entity: 'note:1', state: { seq } });
}

describe.skipIf(!hasChromium)('the cross-site view\'s alerts and what a restore set aside', () => {
  const harness = centralHarness('sqlite');
  let browser: Browser;
  let page: Page;
  let central: Central;

  beforeAll(async () => { browser = await launchChromium(); }, 60_000);
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    central = await harness.start();
    const north = await central.addSite('north', 'North Tower');
    const south = await central.addSite('south', 'South Wing');
    await central.addUser('olga', PASSWORD, 'head_office');
    const log = buildChain('north', 30);
    await call(central, 'POST', '/api/sites/north/events', { key: north.siteKey, body: batchOf(log, 0, 30) });
    const line = restoredLine(log, 5, 2);
    await call(central, 'POST', '/api/sites/north/events', { key: north.siteKey, body: { after: 5, events: line, head: headOf(line) } });
    const southLog = buildChain('south', 5);
    const tampered = southLog.map((e) => (e.seq === 3 ? { ...e, state: '{"changed":true}' } : e));
    await call(central, 'POST', '/api/sites/south/events', { key: south.siteKey, body: batchOf(tampered, 0, 5, headOf(southLog)) });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => { await page.close(); });

  const signInNorwegian = async () => {
    await page.goto(`${central.url}/central?lang=nb`);
    await page.getByLabel('Brukernavn').fill('olga');
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  };

  it('words the restore and the broken chain in Norwegian', async () => {
    await signInNorwegian();

    const restored = page.locator('ds-site-list [data-site="north"] [data-alert="site-restored"]');
    const broken = page.locator('ds-site-list [data-site="south"] [data-alert="chain-broken"]');
    await restored.waitFor(seen);

    expect(await restored.textContent()).toBe(
      'Gjenopprettet fra en sikkerhetskopi ved hendelse 5: de 25 hendelsene sentralkopien hadde etter den (til og med hendelse 30) er lagt til side som linje 1.');
    expect(await broken.textContent()).toBe('Loggen er brutt ved hendelse 3: hashen til en hendelse stemmer ikke med innholdet.');
  });

  it('shows per site how many events were set aside and lists them on request, page by page', async () => {
    await signInNorwegian();
    const north = page.locator('ds-site-list [data-site="north"] ds-set-aside');

    await north.getByText('25 hendelser lagt til side').waitFor(seen);
    expect(await page.locator('ds-site-list [data-site="south"] ds-set-aside [data-set-aside-count]').textContent()).toBe('Ingenting lagt til side');
    await north.getByText('25 hendelser lagt til side').click();
    await north.locator('[data-set-aside-event="1/6"]').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await north.locator('tbody tr').count()).toBe(20);
    await north.getByRole('button', { name: 'Vis flere' }).click();
    await north.locator('[data-set-aside-event="1/30"]').waitFor(seen);
    expect(await north.locator('tbody tr').count()).toBe(25);
    expect(await north.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
  });
});
