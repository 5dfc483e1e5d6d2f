import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { portalLinkFor, tenantSignIn } from '../../edge/src/test-support/tenant-sign-in.ts';
import { browserKeys, startLocalPushService } from '../../edge/test/support/local-push-service.ts';
import { catalogs } from '../src/i18n/index.ts';
import { seriousViolations } from './axe.ts';
import { hasChromium, launchChromium } from './chromium.ts';

const seen = { timeout: 15_000 };
const en = catalogs.en;

/**
 * Chromium here has no push service of its own, so the page's `PushManager` hands out a
 * subscription for the test's local push service, with keys the test can decrypt with; the
 * service worker, the switch, the gateway and the encryption are the real ones.
 */
function fakePushManager({ endpoint, keys }: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  let held: object | null = null;
  const subscription = { endpoint, expirationTime: null, toJSON: () => ({ endpoint, expirationTime: null, keys }), unsubscribe: async () => { held = null; return true; } };
  PushManager.prototype.subscribe = async function subscribe() { held = subscription; return subscription as unknown as PushSubscription; };
  PushManager.prototype.getSubscription = async function getSubscription() { return held as PushSubscription | null; };
}

describe.skipIf(!hasChromium)('the push switch and the service worker', { timeout: 90_000 }, () => {
  let browser: Browser;
  let gw: TestGateway;
  let push: Awaited<ReturnType<typeof startLocalPushService>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    push = await startLocalPushService();
    [browser, gw] = await Promise.all([launchChromium(), startTestGateway({ demoInquiries: true, pushAgent: push.agent })]);
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
    await push?.close();
  });
  afterEach(async () => { await context?.close(); });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const phone = async (endpoint: string, keys: { p256dh: string; auth: string }) => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(['notifications'], { origin: gw.http });
    await context.addInitScript(fakePushManager, { endpoint, keys });
    page = await context.newPage();
  };

  /**
   * Hands a push to the page's real service worker (Chromium's own push delivery) and reads the
   * notifications it shows. The worker is waited for until activated; a push Chromium accepts
   * but drops while a worker starts is handed over again (the same tag replaces, never adds).
   */
  const showPush = async (data: string): Promise<string[]> => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.register('./push-worker.js');
      const active = (await navigator.serviceWorker.ready).active!;
      if (active.state !== 'activated') await new Promise<void>((resolve) => active.addEventListener('statechange', () => { if (active.state === 'activated') resolve(); }));
    });
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
      const found = e.registrations.find((r) => r.scopeURL === `${gw.http}/`);
      if (found) resolve(found.registrationId);
    }));
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    let titles: string[] = [];
    for (let attempt = 0; attempt < 3 && titles.length === 0; attempt++) {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: gw.http, registrationId, data });
      for (let i = 0; i < 40 && titles.length === 0; i++) {
        titles = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.title));
        if (titles.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
    }
    return titles;
  };

  it('turns push on at the portal, and a reply to the tenant\'s request reaches their phone, encrypted', async () => {
    const keys = browserKeys();
    const endpoint = `${push.base}/push/lena-phone`;
    await phone(endpoint, keys.keys);
    const token = await portalLinkFor(gw, 'lena.brandt@nordlys.example');
    await page.goto(`${gw.http}/portal?lang=en#link=${token}`);
    await page.locator('ds-portal-page').getByRole('button', { name: en['portal.confirm'], exact: true }).click();

    await page.getByRole('switch', { name: en['push.title'] }).check();
    await page.locator('[data-push-state]').getByText(en['push.isOn']).waitFor(seen);
    const marco = await gw.login('marco');
    const door = ((await gw.call('GET', '/api/tickets?limit=500', { cookie: marco })).body.tickets as { id: string; title: string }[]).find((t) => t.title === 'Boardroom door does not lock')!;
    await gw.call('POST', `/api/tickets/${door.id}/reply`, { cookie: marco, body: { text: 'The lock is ordered' } });
    await until(() => push.received.some((r) => r.path === '/push/lena-phone'));

    expect(gw.store.push.get(endpoint)?.owner).toMatch(/^person:P-/);
    const got = push.received.find((r) => r.path === '/push/lena-phone')!;
    expect(JSON.parse(keys.decrypt(got.body))).toMatchObject({ code: 'request-replied', ticket: door.id, title: 'Boardroom door does not lock' });
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${gw.http}/push-worker.js`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('switch', { name: en['push.title'] }).uncheck();
    await page.locator('[data-push-state]').getByText(en['push.isOff']).waitFor(seen);
    expect(gw.store.push.get(endpoint)).toBeUndefined();
  });

  it('shows a push the service worker receives as a notification in the reader\'s language', async () => {
    await phone(`${push.base}/push/unused`, browserKeys().keys);
    await page.goto(`${gw.http}/portal?lang=en`);
    await page.locator('ds-portal-page').getByRole('heading', { name: en['portal.signInTitle'] }).waitFor(seen);

    const titles = await showPush(JSON.stringify({ code: 'request-status', ticket: 'T-1', title: 'Blind stuck', url: `${gw.http}/portal#request=T-1`, status: 'in_progress' }));

    expect(titles).toEqual([`Blind stuck: ${en['portal.status.in_progress']}`]);
  });

  it('words a push in the language the tenant chose, not the phone\'s: a Chinese-speaking tenant reads Chinese on an English phone', async () => {
    const keys = browserKeys();
    const mei = await tenantSignIn(gw, 'mei.lin@harbour.example');
    await gw.call('POST', '/api/push/subscriptions', { cookie: mei, body: { endpoint: `${push.base}/push/mei-phone`, keys: keys.keys } });
    const filed = await gw.call('POST', '/api/portal/requests', { cookie: mei, body: { room: 'r301', category: 'cleaning', title: 'Carpet stain', description: 'By the door' } });
    await gw.call('POST', `/api/tickets/${filed.body.request.id}/reply`, { cookie: await gw.login('marco'), body: { text: 'On our way' } });
    await until(() => push.received.some((r) => r.path === '/push/mei-phone'));
    const sent = keys.decrypt(push.received.find((r) => r.path === '/push/mei-phone')!.body);
    await phone(`${push.base}/push/unused`, browserKeys().keys);
    await page.goto(`${gw.http}/portal?lang=en`);
    await page.locator('ds-portal-page').getByRole('heading', { name: en['portal.signInTitle'] }).waitFor(seen);

    const titles = await showPush(sent);

    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    expect(titles).toEqual([catalogs.zh['push.requestReplied'].replace('{title}', 'Carpet stain')]);
  });

  it('puts the switch in the staff menu, and a staff member\'s subscription is theirs', async () => {
    const endpoint = `${push.base}/push/ana-phone`;
    await phone(endpoint, browserKeys().keys);
    await page.goto(`${gw.http}/staff?lang=en`);
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password').fill(gw.creds.users.find((u) => u.username === 'ana')!.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('ds-staff-menu summary').click();

    await page.getByRole('switch', { name: en['push.title'] }).check();

    await page.locator('[data-push-state]').getByText(en['push.isOn']).waitFor(seen);
    expect(gw.store.push.get(endpoint)?.owner).toBe('user:ana');
  });
});
