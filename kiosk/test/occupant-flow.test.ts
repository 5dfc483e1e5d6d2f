import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { roomOf, work, openPage } from './occupant-fixture.ts';
import { panelOf } from './panel-fixture.ts';

const seen = { timeout: 15_000 };
/** Marks the loaded document; a reload would start a new one without the mark. */
const mark = (page: Page) => page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
const marked = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

describe.skipIf(!hasChromium)('an occupant report through to a rejection at the door', () => {
  let browser: Browser;
  let gw: TestGateway;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await gw?.stop();
  });

  it("shows Do Not Use on the room's sign and the rejection on the occupant's tracking page, both live", async () => {
    const [occupant, door, hall] = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 390, height: 844 } })));
    contexts.push(occupant!, door!, hall!);
    const phone = await occupant!.newPage();
    const sign = await hall!.newPage();
    const panel = await door!.newPage();
    await openPage(sign, gw.creds.devices.find((d) => d.id === 'sign-r102')!.url!);
    await sign.locator('ds-status-word [data-status="available"]').waitFor(seen);

    // The occupant reports a repair from the room's QR code and opens the tracking link from the thank-you screen.
    await openPage(phone, roomOf(gw, 'r102').reportUrl);
    await phone.locator('ds-category-picker label[data-category="maintenance"]').click();
    await phone.locator('ds-report-form textarea[name="description"]').fill('Wall socket sparks when a plug goes in');
    await phone.locator('ds-report-form button[data-send]').click();
    await phone.locator('ds-report-sent a[data-track-link]').click();
    await phone.waitForURL(/\/track\//, seen);
    await phone.locator('ds-track-steps li[aria-current="step"][data-step="reported"]').waitFor(seen);
    const [ticket] = gw.store.tickets.openInRoom('r102');
    expect(ticket).toMatchObject({ kind: 'report', category: 'maintenance' });
    const id = ticket!.id;

    // Maintenance takes it on and reports it done.
    await work(gw, id, [['marco', 'assign', { assignee: 'dirk' }], ['dirk', 'start'], ['dirk', 'complete']]);
    await phone.locator('ds-track-steps li[aria-current="step"][data-step="done"]').waitFor(seen);
    await mark(phone);
    await mark(sign);

    // A supervisor at the door panel rejects it: a safety hazard remains.
    const { url, pin } = panelOf(gw, 'r102');
    await openPage(panel, url);
    for (const digit of pin) await panel.locator(`ds-pin-pad button[data-digit="${digit}"]`).click();
    await panel.getByRole('button', { name: 'Sign in' }).click();
    await panel.locator(`[data-ticket="${id}"]`).getByRole('button', { name: 'Reject' }).click();
    await panel.getByRole('button', { name: 'Safety hazard remains', exact: true }).click();
    await panel.getByRole('button', { name: 'Confirm rejection' }).click();
    await panel.locator('ds-action-result [data-result]').waitFor(seen);

    await sign.locator('ds-status-word [data-status="do_not_use"]').waitFor(seen);
    await sign.getByText('Safety hazard remains').waitFor(seen);
    await phone.locator('ds-track-steps li[aria-current="step"][data-step="rejected"]').waitFor(seen);
    await phone.locator('[data-rejection]').getByText('The work was not accepted: Safety hazard remains.', { exact: false }).waitFor(seen);
    expect([await marked(phone), await marked(sign)]).toEqual([true, true]);
    expect(gw.store.rooms.get('r102')).toMatchObject({ status: 'do_not_use', ticket: id });
  });
});
