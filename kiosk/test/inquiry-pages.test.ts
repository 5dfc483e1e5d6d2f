import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { dashboardUser, signInTo } from './dashboard-fixture.ts';
import { catalogs } from '../src/i18n/index.ts';

const seen = { timeout: 15_000 };
const REPLY = 'A cleaner comes by at three today';
const COMMENT = 'Second complaint from this tenant this week';

describe.skipIf(!hasChromium)('inquiries in the pages', { timeout: 90_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;
  let supervisor: string;

  const inquiry = async () => {
    const person = await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'Lena Brandt', company: 'Nordlys AS', email: 'lena@nordlys.example', notifyByEmail: true, language: 'nb' } });
    const made = await gw.call('POST', '/api/inquiries', {
      cookie: supervisor, body: { reporter: { person: person.body.id }, room: 'r201', category: 'cleaning', title: 'Bins not emptied', description: 'Called at nine', assignee: 'ana' },
    });
    expect(made.status).toBe(201);
    return made.body as { ticket: { id: string }; trackUrl: string };
  };

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    gw = await startTestGateway();
    supervisor = await gw.login('sofia');
  });
  afterEach(async () => {
    await page?.close();
    await gw.stop();
  });

  it('puts Reply and Comment side by side on the staff page, told apart, and each reaches only its readers', async () => {
    const { ticket, trackUrl } = await inquiry();
    page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-list="mine"]').waitFor(seen);
    await page.goto(`${gw.http}/staff#${ticket.id}`);
    const view = page.locator('ds-staff-inquiry [data-inquiry-view]');
    await view.waitFor(seen);
    await view.locator('[data-reporter]').waitFor(seen);

    const reply = view.locator('form[data-form="reply"]');
    const comment = view.locator('form[data-form="comment"]');
    expect(await reply.locator('h3').textContent()).toBe('Reply to the reporter');
    expect(await comment.locator('h3').textContent()).toBe('Internal comment');
    expect(await reply.locator('.who').textContent()).toContain('Lena Brandt will see this');
    expect(await comment.locator('.who').textContent()).toContain('Only staff will see this');
    const colour = (form: typeof reply) => form.evaluate((f) => getComputedStyle(f).borderTopColor + getComputedStyle(f).backgroundColor);
    expect(await colour(reply)).not.toBe(await colour(comment));
    const [r, c] = [(await reply.boundingBox())!, (await comment.boundingBox())!];
    expect(Math.abs(r.y - c.y)).toBeLessThan(5);
    expect(r.x + r.width).toBeLessThanOrEqual(c.x);
    expect(await view.locator('[data-stage]').first().textContent()).toBe('To do');
    expect(await seriousViolations(page)).toEqual([]);

    for (const lang of ['zh', 'nb', 'nl', 'en'] as const) {
      // The language switch sits in the person's menu once signed in.
      if (!(await page.locator('ds-lang-switch select').isVisible())) await page.locator('ds-staff-menu summary').click();
      await page.locator('ds-lang-switch select').selectOption(lang);
      await reply.locator('h3').getByText(catalogs[lang]['inq.reply.title']).waitFor(seen);
      expect(await comment.locator('h3').textContent()).toBe(catalogs[lang]['inq.comment.title']);
      expect(await comment.locator('.who').textContent()).toBe(catalogs[lang]['inq.comment.who']);
      expect(await view.locator('[data-stage]').first().textContent()).toBe(catalogs[lang]['inq.stage.todo']);
    }

    await reply.getByLabel('Reply').fill(REPLY);
    await reply.getByRole('button', { name: 'Send reply' }).click();
    await view.locator('[data-sent="reply"]').waitFor(seen);
    await comment.getByLabel('Comment').fill(COMMENT);
    await comment.getByRole('button', { name: 'Add comment' }).click();
    await view.locator('[data-sent="comment"]').waitFor(seen);

    const child = view.locator('form[data-form="child"]');
    await child.getByLabel('Title').fill('Empty the bins in r201');
    await child.getByLabel('What needs doing').fill('Both bins by the window');
    await child.getByRole('button', { name: 'Open task' }).click();
    await view.locator('[data-children-progress]').waitFor(seen);
    expect(await view.locator('[data-children-progress]').textContent()).toBe('0 of 1 task done');

    const stored = (await gw.call('GET', `/api/tickets/${ticket.id}`, { cookie: supervisor })).body;
    expect(stored.history.filter((h: { visibility?: string }) => h.visibility === 'reporter').map((h: { note: string }) => h.note)).toEqual([REPLY]);
    expect(stored.notes).toEqual([expect.objectContaining({ text: COMMENT, internal: true })]);

    await page.goto(trackUrl.replace(/^https?:\/\/[^/]+/, gw.http));
    await page.locator('ds-track-page [data-replies]').waitFor(seen);
    expect(await page.locator('ds-track-page [data-reply]').allTextContents()).toEqual([expect.stringContaining(REPLY)]);
    expect(await page.locator('ds-track-page').evaluate((el) => el.shadowRoot!.textContent)).not.toContain(COMMENT);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows inquiries by stage, the directory, and an installation\'s history on the dashboard', async () => {
    const { ticket } = await inquiry();
    const lift = await gw.call('POST', '/api/installations', { cookie: supervisor, body: { kind: 'lift', name: 'Passenger lift A', room: 'r101', make: 'KONE', serial: 'KN-1' } });
    await gw.call('POST', `/api/tickets/${ticket.id}/links`, { cookie: supervisor, body: { installation: lift.body.id } });
    const ana = await gw.login('ana');
    for (const action of ['start', 'complete']) expect((await gw.call('POST', `/api/tickets/${ticket.id}/${action}`, { cookie: ana })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${ticket.id}/reject`, { cookie: supervisor, body: { reason: 'Waste not removed' } })).status).toBe(200);

    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, dashboardUser);
    await page.locator('ds-room-grid [data-room="r305"]').waitFor(seen);

    await page.locator('nav.sections a[data-nav="inquiries"]').click();
    await page.locator(`ds-inquiry-board [data-stage="todo"] [data-inquiry="${ticket.id}"]`).waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    const form = page.locator('ds-inquiry-form form');
    await form.getByLabel('Or a new contact: name').fill('Piet de Boer');
    await form.getByLabel('Phone (optional)').fill('+31 20 555 0101');
    await form.getByLabel('Room').selectOption('r102');
    await form.getByLabel('Title', { exact: true }).fill('Coffee machine leaks');
    await form.getByLabel('Description').fill('Called from reception');
    await form.getByRole('button', { name: 'Save inquiry' }).click();
    await form.locator('[data-saved]').waitFor(seen);
    const made = (await gw.call('GET', '/api/tickets?kind=inquiry&room=r102', { cookie: supervisor })).body.tickets;
    expect(made).toEqual([expect.objectContaining({ title: 'Coffee machine leaks', reporter: expect.objectContaining({ kind: 'person', contact: '+31 20 555 0101' }) })]);
    await page.locator(`ds-inquiry-board [data-inquiry="${made[0].id}"]`).waitFor(seen);

    await page.locator('nav.sections a[data-nav="people"]').click();
    await page.locator('ds-people-section [data-person]').first().waitFor(seen);
    expect(await page.locator('ds-people-section [data-persons]').textContent()).toContain('Lena Brandt');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(`ds-people-section [data-installation="${lift.body.id}"] a[data-history-link]`).click();
    await page.locator(`ds-installation-history [data-history-ticket="${ticket.id}"]`).waitFor(seen);
    expect(page.url()).toContain(`#installation/${lift.body.id}`);
    const row = page.locator(`ds-installation-history [data-history-ticket="${ticket.id}"]`);
    expect(await row.textContent()).toContain('ana');
    expect(await row.locator('[data-rejection]').textContent()).toContain('Waste not removed (sofia)');
    expect(await page.locator('nav.sections a[aria-current="page"]').getAttribute('data-nav')).toBe('people');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
