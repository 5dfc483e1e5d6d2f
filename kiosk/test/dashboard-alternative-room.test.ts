import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };

describe.skipIf(!hasChromium)("the dashboard's room page: the room to use instead", { timeout: 60_000 }, () => {
  let page: Page;

  const openRoom = async (user: string, room: string) => {
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, site.gw, user);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);
    await page.goto(`${site.gw.http}/dashboard#room/${room}`);
    await page.locator('ds-room-page [data-hold]').waitFor(seen);
  };

  const site = browserSite({ gatewayPerTest: true });
  afterEach(async () => { await page?.close(); });

  it('lets a supervisor pick another room of the site, and clear it again', async () => {
    await openRoom('marco', 'r103');
    const form = page.locator('ds-room-page form[data-alternative]');

    await form.getByLabel('Room to use instead').selectOption({ label: 'Meeting Room Tulip — floor 2' });
    await form.getByRole('button', { name: 'Save' }).click();

    await page.locator('ds-room-page').getByText('Saved: the sign now shows Meeting Room Tulip as the room to use instead.').waitFor(seen);
    expect((await site.gw.call('GET', '/api/rooms/r103', { cookie: await site.gw.login('hanna') })).body.alternative).toMatchObject({ id: 'r202' });
    expect(await form.getByLabel('Room to use instead').inputValue()).toBe('r202');

    await form.getByLabel('Room to use instead').selectOption({ label: 'None' });
    await form.getByRole('button', { name: 'Save' }).click();

    await page.locator('ds-room-page').getByText('Saved: the sign names no other room.').waitFor(seen);
    expect((await site.gw.call('GET', '/api/rooms/r103', { cookie: await site.gw.login('hanna') })).body.alternative).toBeUndefined();
  });

  it('does not offer the room itself as its own alternative', async () => {
    await openRoom('marco', 'r103');

    const values = await page.locator('ds-room-page form[data-alternative] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

    expect(values).toContain('r202');
    expect(values).not.toContain('r103');
  });

  it('offers no such control to a floor manager, whom the rights table does not let', async () => {
    await openRoom('fiona', 'r103');

    expect(await page.locator('ds-room-page form[data-alternative]').count()).toBe(0);
  });
});
