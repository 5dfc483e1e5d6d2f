import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';

// Generous: these run beside other browser suites on a small shared machine.
const seen = { timeout: 15_000 };
const description = ['Coffee spilled under the window table.', 'The carpet is wet in a wide patch.', 'Someone put chairs on it.',
  'There is also a stain on the wall.', 'Please bring the wet vacuum.'].join('\n');

describe.skipIf(!hasChromium)('the staff queue on a phone: one tap per step from the list', { timeout: 90_000 }, () => {
  const site = browserSite();

  it('claims, starts and completes a report from its card, shows the description clamped and keeps the header short', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(site.gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);

    const header = await page.locator('ds-staff-page header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);

    const api = new URL(site.gw.creds.rooms.find((r) => r.id === 'r102')!.reportApi);
    const res = await site.gw.call('POST', api.pathname + api.search, { body: { category: 'cleaning', description } });
    expect(res.status).toBe(201);
    const id = res.body.ticket.id as string;
    const inPool = page.locator(`[data-list="pool"] [data-ticket="${id}"]`);
    const inMine = page.locator(`[data-list="mine"] [data-ticket="${id}"]`);

    // The occupant's words are on the card, clamped to three lines.
    const text = inPool.locator('[data-description]');
    await text.getByText('Coffee spilled under the window table.').waitFor(seen);
    const lineHeight = await text.evaluate((n) => parseFloat(getComputedStyle(n).lineHeight));
    const box = await text.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(lineHeight * 3 + 1);

    await inPool.getByRole('button', { name: 'Claim' }).click();
    await inMine.getByRole('button', { name: 'Start' }).click();
    await inMine.getByText('In progress').waitFor(seen);
    await inMine.getByRole('button', { name: 'Complete…' }).click();
    await inMine.getByLabel('Note (optional)').fill('Shampooed, drying');
    await inMine.getByRole('button', { name: 'Mark complete' }).click();
    await page.locator('[data-notice="ok"]').getByText(`${id} is complete and waits for a check.`).waitFor(seen);

    const ticket = (await site.gw.call('GET', `/api/tickets/${id}`, { cookie: await site.gw.login('ana') })).body;
    expect(ticket.status).toBe('done');
    expect(ticket.history.at(-1)).toMatchObject({ action: 'complete', actor: 'user:ana', note: 'Shampooed, drying' });
    // Never left the list for a detail page.
    expect(new URL(page.url()).hash).toBe('');

    // Opening the ticket shows the description in full.
    await page.goto(`${site.gw.http}/staff#${id}`);
    await page.locator('ds-staff-ticket-detail .description').getByText('Please bring the wet vacuum.').waitFor(seen);
    await page.close();
  });

  it('fits a 360 px phone with a card\'s completion form and the name menu open, with no serious axe violations', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(15_000);
    const sofia = await site.gw.login('sofia');
    const created = await site.gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room: 'r104', description, assignee: 'ben' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const ben = await site.gw.login('ben');
    expect((await site.gw.call('POST', `/api/tickets/${id}/start`, { cookie: ben, body: {} })).status).toBe(200);

    await page.goto(`${site.gw.http}/staff`);
    await page.getByLabel('Username').fill('ben');
    await page.getByLabel('Password').fill(site.gw.creds.users.find((u) => u.username === 'ben')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const card = page.locator(`[data-list="mine"] [data-ticket="${id}"]`);
    await card.getByRole('button', { name: 'Complete…' }).click();
    await card.locator('[data-form="complete"]').waitFor(seen);
    await page.locator('ds-staff-menu summary').click();
    await page.locator('ds-staff-menu [data-action="sign-out"]').waitFor(seen);

    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
