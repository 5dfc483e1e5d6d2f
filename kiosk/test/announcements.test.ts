import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { browserSite } from './browser-site.ts';
import { hasChromium } from './chromium.ts';
import { openPage, report, roomOf } from './occupant-fixture.ts';
import { openSection, signInTo } from './dashboard-fixture.ts';

const seen = { timeout: 10_000 };
const HOSTILE_TITLE = '<img src=x onerror="window.hacked=1">Lift closed';
const HOSTILE_TEXT = '<script>window.hacked=1</script><b>Use the stairs</b>';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

async function announce(gw: TestGateway, body: Record<string, unknown>): Promise<{ id: string; expiresAt: string }> {
  const res = await gw.call('POST', '/api/announcements', { cookie: await gw.login('hanna'), body });
  if (res.status !== 201) throw new Error(`announce: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const signUrl = (gw: TestGateway, room: string) => gw.creds.devices.find((d) => d.kind === 'sign' && d.room === room)!.url!;
const hacked = (page: Page) => page.evaluate(() => (window as { hacked?: number }).hacked);

describe.skipIf(!hasChromium)('announcements on the sign, the report page and the tracking page', { timeout: 60_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  it('shows an announcement on the sign the moment it starts, in the sign\'s language, and takes it off at expiry', async () => {
    const { gw } = site;
    page = await site.browser.newPage();
    await page.goto(`${signUrl(gw, "r102")}&lang=nb&langs=nb,en`);
    await page.locator('ds-status-word').waitFor(seen);

    const made = await announce(gw, {
      title: { en: 'Water off', nb: 'Vannet stengt' }, text: { en: 'From 14:00.', nb: 'Fra klokka 14.' },
      targets: [{ kind: 'room', room: 'r102' }], expiresAt: inSeconds(4),
    });

    const shown = page.locator(`ds-sign-page [data-announcement="${made.id}"]`);
    await shown.waitFor(seen);
    expect(await shown.locator('h2').textContent()).toBe('Vannet stengt');
    expect(await shown.locator('h2').getAttribute('lang')).toBe('nb');
    expect(await shown.locator('.text').textContent()).toBe('Fra klokka 14.');
    expect(await shown.locator('.label').textContent()).toBe(catalogs.nb['sign.announcement']);
    expect(await seriousViolations(page)).toEqual([]);
    await shown.waitFor({ state: 'detached', timeout: 8_000 });
  });

  it('shows a live announcement on a sign opened later, falling back to a language it was written in, with markup as text', async () => {
    const { gw } = site;
    const made = await announce(gw, { title: { zh: HOSTILE_TITLE }, text: { zh: HOSTILE_TEXT }, targets: [{ kind: 'floor', floor: 2 }], expiresAt: inSeconds(60) });
    page = await site.browser.newPage();

    await page.goto(signUrl(gw, 'r203'));

    const shown = page.locator(`ds-sign-page [data-announcement="${made.id}"]`);
    await shown.waitFor(seen);
    expect(await shown.locator('h2').textContent()).toBe(HOSTILE_TITLE);
    expect(await shown.locator('h2').getAttribute('lang')).toBe('zh');
    expect(await shown.locator('.text').textContent()).toBe(HOSTILE_TEXT);
    expect(await shown.locator('img, script, b').count()).toBe(0);
    expect(await hacked(page)).toBeUndefined();
    const other = await site.browser.newPage();
    await other.goto(signUrl(gw, 'r103'));
    await other.locator('ds-status-word').waitFor(seen);
    expect(await other.locator('ds-sign-page [data-announcement]').count()).toBe(0);
    await other.close();
  });

  it('shows the room\'s announcements on the occupant report page in its language, as text, and follows a withdrawal', async () => {
    const { gw } = site;
    const made = await announce(gw, {
      title: { en: HOSTILE_TITLE, nl: 'Lift dicht' }, text: { en: HOSTILE_TEXT, nl: 'Neem de trap.' }, targets: [{ kind: 'room', room: 'r104' }], expiresAt: inSeconds(60),
    });
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });

    await openPage(page, roomOf(gw, 'r104').reportUrl);

    const item = page.locator(`ds-announcement-list [data-announcement="${made.id}"]`);
    await item.waitFor(seen);
    expect(await item.locator('h3').textContent()).toBe(HOSTILE_TITLE);
    expect(await item.locator('p').first().textContent()).toBe(HOSTILE_TEXT);
    expect(await page.locator('ds-announcement-list img, ds-announcement-list script, ds-announcement-list b').count()).toBe(0);
    expect(await hacked(page)).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await gw.call('POST', `/api/announcements/${made.id}/withdraw`, { cookie: await gw.login('hanna') });
    await item.waitFor({ state: 'detached', timeout: 8_000 });
  });

  it('shows the ticket room\'s announcement on the tracking page', async () => {
    const { gw } = site;
    const { token } = await report(gw, 'r105', 'cleaning', 'Bin is full');
    const made = await announce(gw, { title: { en: 'Window cleaning Thursday' }, text: { en: 'Keep the sills clear.' }, targets: [{ kind: 'room', room: 'r105' }], expiresAt: inSeconds(60) });
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });

    await openPage(page, `${gw.http}/track/${token}`);

    const item = page.locator(`ds-announcement-list [data-announcement="${made.id}"]`);
    await item.waitFor(seen);
    expect(await item.locator('h3').textContent()).toBe('Window cleaning Thursday');
    expect(await page.locator('ds-announcement-list h2').textContent()).toBe(catalogs.en['occ.announcements']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('puts an announcement on an open tracking page as it starts and takes it down when withdrawn, without waiting for a clock', async () => {
    const { gw } = site;
    const { token } = await report(gw, 'r104', 'cleaning', 'Tap drips');
    page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openPage(page, `${gw.http}/track/${token}`);
    await page.locator('[data-live]').waitFor(seen);

    const made = await announce(gw, { title: { en: 'Lift service today' }, text: { en: 'Use the stairs.' }, targets: [{ kind: 'room', room: 'r104' }], expiresAt: inSeconds(60) });
    const item = page.locator(`ds-announcement-list [data-announcement="${made.id}"]`);
    await item.waitFor({ timeout: 5_000 });
    await gw.call('POST', `/api/announcements/${made.id}/withdraw`, { cookie: await gw.login('hanna') });

    await item.waitFor({ state: 'detached', timeout: 5_000 });
  });
});

describe.skipIf(!hasChromium)('the dashboard\'s announcements section', { timeout: 90_000 }, () => {
  let page: Page;
  const site = browserSite();
  afterEach(async () => { await page?.close(); });

  /** A `datetime-local` value this far ahead, in the browser's own time zone. */
  const ahead = (p: Page, minutes: number) => p.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  }, minutes);

  it('writes an announcement for floor 1, lists it with its reach, shows its markup as text, and withdraws it', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInTo(page, gw, 'hanna');
    await openSection(page, 'announcements');
    const form = page.locator('ds-announcements-section form[data-announce]');
    await form.waitFor(seen);
    expect(await seriousViolations(page)).toEqual([]);

    await form.locator('input[name="title-en"]').fill(HOSTILE_TITLE);
    await form.locator('textarea[name="text-en"]').fill(HOSTILE_TEXT);
    await form.locator('fieldset[data-kind="floor"] input[value="1"]').check();
    await form.locator('input[name="expiresAt"]').fill(await ahead(page, 90));
    await form.locator('button[type="submit"]').click();

    await page.locator('ds-announcements-section [data-notice]', { hasText: catalogs.en['annDash.published'] }).waitFor(seen);
    const [made] = (await gw.call('GET', '/api/announcements?status=live', { cookie: await gw.login('hanna') })).body.announcements;
    expect(made).toMatchObject({ title: { en: HOSTILE_TITLE }, text: { en: HOSTILE_TEXT }, targets: [{ kind: 'floor', floor: 1 }], rooms: ['r101', 'r102', 'r103', 'r104', 'r105'] });
    const row = page.locator(`ds-announcements-section table[data-list="current"] tr[data-announcement="${made.id}"]`);
    await row.waitFor(seen);
    expect(await row.locator('strong').textContent()).toBe(HOSTILE_TITLE);
    expect(await row.locator('img, script, b').count()).toBe(0);
    expect(await hacked(page)).toBeUndefined();
    expect(await row.locator('[data-reach] li').first().textContent()).toBe('5 rooms');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('live');
    expect(await seriousViolations(page)).toEqual([]);

    await row.locator('button[data-withdraw]').click();

    await page.locator(`ds-announcements-section table[data-list="past"] tr[data-announcement="${made.id}"] [data-status="withdrawn"]`).waitFor(seen);
    expect((await gw.call('GET', `/api/rooms/r101/announcements?k=${new URL(roomOf(gw, 'r101').reportApi).searchParams.get('k')}`)).body.announcements).toEqual([]);
  });

  it('speaks Chinese, says what is missing before sending, and plans one for a room and a role', async () => {
    const { gw } = site;
    page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${gw.http}/dashboard?lang=zh`);
    await page.locator('input[name="username"], input[autocomplete="username"]').first().fill('hanna');
    await page.locator('input[type="password"]').fill(gw.creds.users.find((u) => u.username === 'hanna')!.password);
    await page.locator('input[type="password"]').press('Enter');
    await openSection(page, 'announcements');
    const form = page.locator('ds-announcements-section form[data-announce]');
    await form.waitFor(seen);
    expect(await page.locator('nav.sections a[data-nav="announcements"]').textContent()).toBe(catalogs.zh['annDash.section']);

    await form.locator('input[name="title-nb"]').fill('Brannøvelse');
    await form.locator('button[type="submit"]').click();
    await page.locator('ds-announcements-section [data-problem]', { hasText: catalogs.zh['annDash.sameLanguages'] }).waitFor(seen);
    await form.locator('textarea[name="text-nb"]').fill('Tirsdag klokka 10.');
    await form.locator('button[type="submit"]').click();
    await page.locator('ds-announcements-section [data-problem]', { hasText: catalogs.zh['annDash.noAudience'] }).waitFor(seen);
    await form.locator('fieldset[data-kind="room"] input[value="r201"]').check();
    await form.locator('fieldset[data-kind="role"] input[value="reception"]').check();
    await form.locator('input[name="startsAt"]').fill(await ahead(page, 30));
    await form.locator('input[name="expiresAt"]').fill(await ahead(page, 120));
    await form.locator('button[type="submit"]').click();

    await page.locator('ds-announcements-section [data-notice]', { hasText: catalogs.zh['annDash.scheduled'] }).waitFor(seen);
    const [planned] = (await gw.call('GET', '/api/announcements?status=scheduled', { cookie: await gw.login('hanna') })).body.announcements;
    expect(planned).toMatchObject({ title: { nb: 'Brannøvelse' }, targets: [{ kind: 'room', room: 'r201' }, { kind: 'role', role: 'reception' }] });
    const row = page.locator(`ds-announcements-section tr[data-announcement="${planned.id}"]`);
    await row.waitFor(seen);
    expect(await row.locator('[data-status]').textContent()).toBe(catalogs.zh['annDash.status.scheduled']);
    expect(await row.locator('td p').first().getAttribute('lang')).toBe('nb');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
