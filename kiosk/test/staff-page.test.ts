import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { hasChromium, launchChromium } from './chromium.ts';
import { finishedCleaning } from './panel-fixture.ts';

// Generous: these run beside other browser suites on a small shared machine.
const seen = { timeout: 15_000 };

describe.skipIf(!hasChromium)('the staff queue page', { timeout: 60_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let page: Page;
  let stopped: boolean;
  /** Moves the gateway's clock: a ticket opened while it is set back is already due. */
  let offsetMs = 0;

  const passwordOf = (user: string) => gw.creds.users.find((u) => u.username === user)!.password;
  const signIn = async (user: string, password = passwordOf(user)) => {
    await page.goto(`${gw.http}/staff`);
    await page.getByLabel('Username').fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const signedIn = async (user: string) => {
    await signIn(user);
    await page.locator('[data-list="mine"]').waitFor(seen);
  };
  const report = async (room: string, description: string) => {
    const api = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', api.pathname + api.search, { body: { category: 'cleaning', description } });
    expect(res.status).toBe(201);
    return res.body.ticket.id as string;
  };
  const task = async (priority: string, room: string) => {
    const res = await gw.call('POST', '/api/tickets', {
      cookie: await gw.login('sofia'), body: { kind: 'task', category: 'cleaning', room, description: `A ${priority} job`, priority },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const ticketAs = async (user: string, id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: await gw.login(user) })).body;
  const card = (list: 'mine' | 'pool', id: string) => page.locator(`[data-list="${list}"] [data-ticket="${id}"]`);
  const smallJpeg = () => sharp({ create: { width: 48, height: 32, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();

  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });
  beforeEach(async () => {
    offsetMs = 0;
    gw = await startTestGateway({ clock: () => new Date(Date.now() + offsetMs).toISOString() });
    stopped = false;
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // A click that cannot happen fails with the reason, not with the test's own timeout.
    page.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await page.close();
    if (!stopped) await gw.stop();
  });

  it('shows a new cleaning report in the team pool live, and ana claims, starts and completes it with a note and a photo', async () => {
    await signedIn('ana');
    await page.evaluate(() => { (window as { sameDocument?: boolean }).sameDocument = true; });

    const id = await report('r102', 'Coffee spilled on the carpet');
    await card('pool', id).waitFor(seen);
    await card('pool', id).getByRole('button', { name: 'Claim' }).click();
    await card('mine', id).getByRole('button', { name: 'Start' }).click();
    await card('mine', id).getByText('In progress').waitFor(seen);
    await card('mine', id).getByRole('button', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Complete…' }).click();
    await page.getByLabel('Note (optional)').fill('Carpet shampooed, left to dry');
    await page.locator('ds-staff-complete-form input[type="file"]').setInputFiles({ name: 'carpet.jpg', mimeType: 'image/jpeg', buffer: await smallJpeg() });
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.locator('[data-notice="ok"]').getByText(`${id} is complete and waits for a check.`).waitFor(seen);

    const ticket = await ticketAs('ana', id);
    expect(ticket.status).toBe('done');
    expect(ticket.history.at(-1)).toMatchObject({ action: 'complete', actor: 'user:ana', note: 'Carpet shampooed, left to dry' });
    expect(ticket.attachments).toEqual([expect.objectContaining({ by: 'user:ana', type: 'image/jpeg' })]);
    await page.locator('ds-staff-ticket-record img').first().waitFor(seen);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('puts an urgent ticket above a normal one and marks an overdue one with a word, not colour alone', async () => {
    const normal = await task('normal', 'r104');
    const urgent = await task('urgent', 'r105');
    offsetMs = -3 * 3600_000;
    const late = await task('normal', 'r201');
    offsetMs = 0;

    await signedIn('ana');
    await card('pool', late).waitFor(seen);

    const order = await page.locator('[data-list="pool"] [data-ticket]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-ticket')));
    expect(order.indexOf(urgent)).toBeLessThan(order.indexOf(normal));
    expect(order.indexOf(urgent)).toBeLessThan(order.indexOf(late));
    expect(await card('pool', late).getAttribute('data-overdue')).not.toBeNull();
    expect(await card('pool', late).locator('[data-due="overdue"]').textContent()).toMatch(/Overdue by 1 h 0 min/);
    expect(await card('pool', normal).getAttribute('data-overdue')).toBeNull();
    expect(await card('pool', normal).locator('[data-due]').textContent()).toMatch(/^\s*Due /);
  });

  it('brings a job a supervisor rejected back to ana live, with the reason, who, notes and photo on top', async () => {
    const id = await finishedCleaning(gw, 'r103');
    await signedIn('ana');
    await card('mine', id).getByText('Done, awaiting check').waitFor(seen);
    const sofia = await gw.login('sofia');
    const form = new FormData();
    form.append('photos', new Blob([await smallJpeg()], { type: 'image/jpeg' }), 'bins.jpg');
    const upload = await fetch(`${gw.http}/api/tickets/${id}/attachments`, { method: 'POST', headers: { cookie: sofia }, body: form });
    const photo = (await upload.json()).attachments[0].id;

    const rejected = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: sofia, body: { reason: 'Not cleaned', notes: 'Bins still full', photos: [photo] } });

    expect(rejected.status).toBe(200);
    const note = card('mine', id).locator('ds-staff-rejection-note');
    await note.getByText('Sent back: Not cleaned').waitFor(seen);
    await note.getByText('Bins still full').waitFor(seen);
    await note.getByText(/By Sofia Berg/).waitFor(seen);
    expect(await card('mine', id).evaluate((a) => a.firstElementChild?.tagName)).toBe('DS-STAFF-REJECTION-NOTE');
    await card('mine', id).getByRole('button', { name: 'Details' }).click();
    const detail = page.locator(`[data-detail="${id}"]`);
    await detail.locator('ds-staff-rejection-note img').waitFor(seen);
    expect(await detail.evaluate((a) => a.firstElementChild?.tagName)).toBe('DS-STAFF-REJECTION-NOTE');
    // The photo is in the page as soon as the note is; it has its pixels once decoded (a broken one never is).
    expect(await detail.locator('ds-staff-rejection-note img').evaluate((img) => (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth))).toBeGreaterThan(0);
  });

  it('says why a sign-in failed', async () => {
    await signIn('ana', 'not-the-password');

    await page.locator('ds-staff-sign-in [role="alert"]').getByText('Could not sign in: wrong username or password').waitFor(seen);
    expect(await page.locator('[data-list]').count()).toBe(0);
  });

  it('says how long to wait when sign-ins are being refused for a while', async () => {
    await page.route('**/api/auth/login', (route) => route.fulfill({
      status: 429, headers: { 'retry-after': '42', 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'TOO_MANY_SIGN_INS', message: 'too many sign-ins: wait a minute' }),
    }));

    await signIn('ana');

    await page.locator('ds-staff-sign-in [role="alert"]').getByText('Too many attempts. Try again in 42 seconds.').waitFor(seen);
  });

  it('shows the gateway\'s message when it refuses an action the page still offered', async () => {
    // The live feed is held back, so the page does not learn that ben took the job first.
    await page.routeWebSocket(/\/ws$/, () => undefined);
    const id = await task('normal', 'r104');
    await signedIn('ana');
    await card('pool', id).waitFor(seen);
    expect((await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: await gw.login('ben'), body: {} })).status).toBe(200);

    await card('pool', id).getByRole('button', { name: 'Claim' }).click();

    await page.locator('[data-notice="error"]').getByText(`${id} not changed: cannot claim a ticket that is assigned`).waitFor(seen);
    await card('pool', id).waitFor({ state: 'detached', ...seen });
    expect((await ticketAs('ana', id)).assignee).toBe('ben');
  });

  it('passes a job on to a colleague of the team, and hands another back to the team pool', async () => {
    const first = await task('normal', 'r104');
    const second = await task('normal', 'r105');
    await signedIn('ana');
    for (const id of [first, second]) await card('pool', id).getByRole('button', { name: 'Claim' }).click();
    await card('mine', second).waitFor(seen);

    await card('mine', first).getByRole('button', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Transfer…' }).click();
    await page.getByLabel('Ben Okafor').check();
    await page.getByRole('button', { name: 'Pass on' }).click();
    await page.locator('[data-notice="ok"]').getByText(`${first} went to Ben Okafor.`).waitFor(seen);
    await card('mine', second).getByRole('button', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Transfer…' }).click();
    await page.getByLabel('Back to the team pool').check();
    await page.getByRole('button', { name: 'Pass on' }).click();

    await card('pool', second).waitFor(seen);
    expect((await ticketAs('ana', first)).assignee).toBe('ben');
    expect(await ticketAs('ana', second)).toMatchObject({ status: 'new', assignee: null });
    expect(await card('mine', first).count()).toBe(0);
  });

  it('lets a vendor accept, start and comment on their work order, with no pool and no staff-only notes', async () => {
    const created = await gw.call('POST', '/api/tickets', {
      cookie: await gw.login('marco'), body: { kind: 'work_order', category: 'maintenance', room: 'r301', description: 'Lift door sticks', assignee: 'liftco' },
    });
    const id = created.body.id as string;
    await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: await gw.login('marco'), body: { text: 'Plant room code 4711', internal: true } });

    await signedIn('liftco');
    await card('mine', id).getByRole('button', { name: 'Accept work order' }).click();
    await card('mine', id).getByRole('button', { name: 'Start' }).click();
    await card('mine', id).getByText('In progress').waitFor(seen);
    await card('mine', id).getByRole('button', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Add a note…' }).click();
    await page.getByLabel('Note', { exact: true }).fill('Parts ordered, back on Monday');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.locator('[data-notice="ok"]').waitFor(seen);

    expect(await page.locator('[data-list="pool"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Transfer…' }).count()).toBe(0);
    expect(await page.getByText('Plant room code 4711').count()).toBe(0);
    const ticket = await ticketAs('marco', id);
    expect(ticket.status).toBe('in_progress');
    expect(ticket.notes.at(-1)).toMatchObject({ by: 'user:liftco', text: 'Parts ordered, back on Monday', internal: false });
  });

  it('marks the page offline when the gateway goes away, and catches up once it is back', async () => {
    await signedIn('ana');
    await page.locator('[data-connection="live"]').waitFor(seen);
    const port = Number(new URL(gw.http).port);
    await gw.close();
    await page.locator('[data-connection="offline"]').waitFor(seen);

    gw = await startTestGateway({ dataDir: gw.dir, httpPort: port });
    const id = await report('r202', 'Paper towels empty');

    await card('pool', id).waitFor({ timeout: 20_000 });
    await page.locator('[data-connection="live"]').waitFor(seen);
  });

  it('speaks the language the link asks for, and switches language without losing its place', async () => {
    await page.goto(`${gw.http}/staff?lang=nl`);
    await page.getByRole('heading', { name: 'Meld je aan bij je werkrij' }).waitFor(seen);

    await page.locator('ds-lang-switch select').selectOption('nb');

    await page.getByRole('heading', { name: 'Logg inn i arbeidskøen din' }).waitFor(seen);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('nb');
  });

  it('signs out, and the queue is gone after a reload', async () => {
    await signedIn('ana');

    await page.locator('ds-staff-menu summary').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('ds-staff-sign-in').waitFor(seen);
    await page.reload();

    await page.getByLabel('Username').waitFor(seen);
    expect(await page.locator('[data-list]').count()).toBe(0);
    expect((await page.context().cookies()).filter((c) => c.name === 'ds_session')).toEqual([]);
  });
});
