import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openSection, reportIn, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('dispatch suggestions on the dashboard and duty on the staff page', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite({ gatewayPerTest: true });
  afterEach(async () => { await page?.close(); });

  it('ranks the team with its reasons, and one click assigns the suggested person', async () => {
    const { gw } = site;
    const hanna = await gw.login('hanna');
    for (const room of ['r101', 'r103']) {
      const held = await reportIn(gw, room, 'cleaning', 'Crumbs on the floor');
      await gw.call('POST', `/api/tickets/${held}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    }
    const id = await reportIn(gw, 'r203', 'cleaning', 'Coffee spilt');
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');
    await openSection(page, 'tickets');
    await page.locator(`ds-ticket-list tr[data-ticket="${id}"] button`).click();
    const panel = page.locator('ds-ticket-detail ds-dispatch-suggestions [data-suggestions]');
    await panel.locator('[data-suggestion]').first().waitFor(seen);

    const order = await panel.locator('[data-suggestion]').evaluateAll((items) => items.map((i) => i.getAttribute('data-suggestion')));
    expect(order).toEqual(['ben', 'sofia', 'ana']);
    await panel.locator('[data-suggestion="ana"]').getByText('holds 2 open tickets').waitFor(seen);
    await panel.locator('[data-suggestion="ben"]').getByText('holds 0 open tickets').waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Assign to Ben Okafor' }).click();

    await page.locator('ds-ticket-detail [data-assignee]').getByText('Ben').waitFor(seen);
    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: hanna })).body).toMatchObject({ assignee: 'ben', status: 'assigned' });
  });

  it('says when nobody is on duty, in the reader\'s language', async () => {
    const { gw } = site;
    for (const user of ['ana', 'ben', 'sofia']) {
      await gw.call('POST', '/api/me/duty', { cookie: await gw.login(user), body: { onDuty: false } });
    }
    const id = await reportIn(gw, 'r102', 'cleaning', 'Bin full');
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');
    await page.locator('ds-lang-switch select').first().selectOption('nb');
    await page.locator('nav.sections a[data-nav="tickets"]').click();
    await page.locator(`ds-ticket-list tr[data-ticket="${id}"] button`).click();

    const panel = page.locator('ds-ticket-detail ds-dispatch-suggestions');
    await panel.getByText(catalogs.nb['dispatchSuggest.none']).waitFor(seen);
    await panel.getByText('3 personer av vakt foreslås ikke.').waitFor(seen);
  });

  it('lets a worker go off duty from the staff menu, and the gateway stops suggesting them', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ben');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ben')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);
    await page.locator('ds-staff-menu summary').click();
    const duty = page.locator('ds-duty-switch');
    await duty.getByRole('switch', { name: 'On duty' }).waitFor(seen);
    expect(await duty.getByRole('switch').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await duty.getByRole('switch').click();

    await duty.getByText('You are off duty').waitFor(seen);
    expect((await gw.call('GET', '/api/me/duty', { cookie: await gw.login('ben') })).body.onDuty).toBe(false);
    const id = await reportIn(gw, 'r104', 'cleaning', 'No soap');
    const suggested = (await gw.call('GET', `/api/tickets/${id}/suggestions`, { cookie: await gw.login('hanna') })).body.suggestions;
    expect(suggested.map((s: { user: string }) => s.user)).not.toContain('ben');
  });
});
