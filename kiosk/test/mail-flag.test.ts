import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { dashboardUser, openSection, signInTo } from './dashboard-fixture.ts';
import { catalogs } from '../src/i18n/index.ts';

const seen = { timeout: 15_000 };
const ADDRESS = 'lena@nordlys.example';
const nb = catalogs.nb;

describe.skipIf(!hasChromium)('a reporter whose mail bounced, in Norwegian', { timeout: 90_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page | undefined;
  let id: string;
  let other: string;

  beforeAll(async () => {
    browser = await launchChromium();
    gw = await startTestGateway();
    const sofia = await gw.login('sofia');
    const person = await gw.call('POST', '/api/persons', { cookie: sofia, body: { name: 'Lena Brandt', email: ADDRESS, notifyByEmail: true, language: 'nb' } });
    const open = (title: string, reporter: object) => gw.call('POST', '/api/inquiries', {
      cookie: sofia, body: { reporter, room: 'r201', category: 'cleaning', title, description: 'Ringte klokka ni', assignee: 'ana' },
    });
    id = (await open('Søppel ikke tømt', { person: person.body.id })).body.ticket.id;
    other = (await open('Lys i gangen', { name: 'Ola Nordmann', email: 'ola@nordlys.example' })).body.ticket.id;
    gw.mail.rows.markUndeliverable(ADDRESS, '5.1.1', new Date().toISOString());
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await gw?.stop();
  });

  it('warns on the staff page\'s ticket view, and only on that ticket', async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);
    await page.locator('ds-staff-menu summary').click();
    await page.locator('ds-staff-menu ds-lang-switch select').selectOption('nb');

    await page.goto(`${gw.http}/staff?lang=nb#${id}`);
    const flag = page.locator(`[data-detail="${id}"] [data-mail-undeliverable]`);
    await flag.getByText(nb['mailFlags.undeliverable']).waitFor(seen);
    expect(await flag.textContent()).toContain(nb['mailFlags.undeliverableDetail'].replace('{contact}', ADDRESS));
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${gw.http}/staff?lang=nb#${other}`);
    await page.locator(`[data-detail="${other}"]`).waitFor(seen);
    expect(await page.locator('[data-mail-undeliverable]').count()).toBe(0);
    await page.close();
  });

  it('warns on the dashboard\'s ticket detail', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);
    await page.locator('ds-lang-switch select').selectOption('nb');
    await openSection(page, 'tickets');

    await page.locator(`[data-ticket="${id}"] button.pick`).click();
    const flag = page.locator(`ds-ticket-detail [data-detail="${id}"] [data-mail-undeliverable]`);
    await flag.getByText(nb['mailFlags.undeliverable']).waitFor(seen);
    expect(await flag.textContent()).toContain(ADDRESS);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
