import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../src/rights/actor.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { browserKeys, startLocalPushService } from './support/local-push-service.ts';

describe('Web Push to staff phones', () => {
  let gw: TestGateway;
  let push: Awaited<ReturnType<typeof startLocalPushService>>;
  let base: string;
  let received: typeof push.received;

  beforeAll(async () => {
    push = await startLocalPushService();
    ({ base, received } = push);
    gw = await startTestGateway({ pushAgent: push.agent });
  });
  afterAll(async () => {
    await gw?.stop();
    await push?.close();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };

  it('makes VAPID keys at first start and keeps them in the data folder', async () => {
    const file = join(gw.dir, 'vapid-keys.json');

    const key = await gw.call('GET', '/api/push/key');

    expect(existsSync(file) && (statSync(file).mode & 0o777)).toBe(0o600);
    expect(key.body.publicKey).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
  });

  it('pushes a job assigned to a staff member, encrypted for their browser, and removes a subscription the push service says is gone', async () => {
    const phone = browserKeys();
    const old = browserKeys();
    const ana = await gw.login('ana');
    const hanna = await gw.login('hanna');
    expect((await gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/push/ana-phone`, keys: phone.keys } })).body).toEqual({ subscribed: true });
    await gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/push/ana-gone`, keys: old.keys } });
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r101')!.reportApi);
    const ticket = (await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Spilled coffee' } })).body.ticket.id;

    await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    await until(() => received.some((r) => r.path === '/push/ana-phone') && gw.store.push.get(`${base}/push/ana-gone`) === undefined);

    const got = received.find((r) => r.path === '/push/ana-phone')!;
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(String(got.headers.authorization)).toMatch(/^vapid t=.+, k=/);
    expect(JSON.parse(phone.decrypt(got.body))).toMatchObject({ code: 'job-assigned', ticket });
    expect(gw.store.push.get(`${base}/push/ana-gone`)).toBeUndefined();
    expect(gw.store.push.get(`${base}/push/ana-phone`)?.owner).toBe('user:ana');
  });

  it('names the staff member\'s own language in the push, English for one who chose none', async () => {
    const [chenPhone, anaPhone] = [browserKeys(), browserKeys()];
    await gw.call('POST', '/api/push/subscriptions', { cookie: await gw.login('chen'), body: { endpoint: `${base}/push/chen-zh`, keys: chenPhone.keys } });
    await gw.call('POST', '/api/push/subscriptions', { cookie: await gw.login('ana'), body: { endpoint: `${base}/push/ana-en`, keys: anaPhone.keys } });
    const report = async (category: string) => {
      const url = new URL(gw.creds.rooms.find((r) => r.id === 'r102')!.reportApi);
      return (await gw.call('POST', url.pathname + url.search, { body: { category, description: 'Check' } })).body.ticket.id as string;
    };
    const [av, cleaning] = [await report('av'), await report('cleaning')];
    const hanna = await gw.login('hanna');

    await gw.call('POST', `/api/tickets/${av}/assign`, { cookie: hanna, body: { assignee: 'chen' } });
    await gw.call('POST', `/api/tickets/${cleaning}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
    await until(() => received.some((r) => r.path === '/push/chen-zh') && received.some((r) => r.path === '/push/ana-en'));

    expect(JSON.parse(chenPhone.decrypt(received.find((r) => r.path === '/push/chen-zh')!.body))).toMatchObject({ code: 'job-assigned', ticket: av, language: 'zh' });
    expect(JSON.parse(anaPhone.decrypt(received.find((r) => r.path === '/push/ana-en')!.body))).toMatchObject({ code: 'job-assigned', ticket: cleaning, language: 'en' });
  });

  it('refuses an endpoint that is not an https URL, malformed keys, and no sign-in', async () => {
    const ana = await gw.login('ana');
    const keys = browserKeys().keys;

    const answers = await Promise.all([
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: 'not a url', keys } }),
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: 'http://127.0.0.1:1/x', keys } }),
      gw.call('POST', '/api/push/subscriptions', { cookie: ana, body: { endpoint: `${base}/x`, keys: { p256dh: 'short', auth: keys.auth } } }),
      gw.call('POST', '/api/push/subscriptions', { body: { endpoint: `${base}/x`, keys } }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 401]);
    expect(answers[1]!.body.error).toBe('BAD_PUSH_ENDPOINT');
  });
  it('turns push on only for oneself: another person\'s subscription is refused, and left alone when turned off', async () => {
    const keys = browserKeys();
    const ana = actorOf(gw.store.directory.user('ana')!.user);
    const hanna = actorOf(gw.store.directory.user('hanna')!.user);
    const endpoint = `${base}/push/hanna-own`;
    await gw.commands.handle(hanna, { pushOwner: hanna.ref }, { type: 'subscribe-push', endpoint, p256dh: keys.keys.p256dh, auth: keys.keys.auth });

    const refused = await gw.commands.handle(ana, { pushOwner: hanna.ref }, { type: 'subscribe-push', endpoint: `${base}/push/not-hers`, p256dh: keys.keys.p256dh, auth: keys.keys.auth })
      .catch((error: { code?: string }) => error.code);
    const off = await gw.commands.handle(ana, { pushOwner: ana.ref }, { type: 'unsubscribe-push', endpoint });

    expect(refused).toBe('NOT_PERMITTED');
    expect(off).toEqual({ subscribed: false });
    expect(gw.store.push.of(hanna.ref).map((s) => s.endpoint)).toEqual([endpoint]);
  });
});
