import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { tenantSignIn } from '../src/test-support/tenant-sign-in.ts';
import { browserKeys, startLocalPushService } from './support/local-push-service.ts';

const PUBLIC = 'https://doorside.example.org';

describe('Web Push to tenants\' phones', () => {
  let gw: TestGateway;
  let push: Awaited<ReturnType<typeof startLocalPushService>>;

  beforeAll(async () => {
    push = await startLocalPushService();
    gw = await startTestGateway({ demoInquiries: true, publicUrl: PUBLIC, pushAgent: push.agent });
  });
  afterAll(async () => {
    await gw?.stop();
    await push?.close();
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  const to = (path: string) => push.received.filter((r) => r.path === path);

  it('pushes a reply to a tenant\'s request and each new status, encrypted for their browser, and nothing for an internal note', async () => {
    const phone = browserKeys();
    const sigrid = await tenantSignIn(gw, 'sigrid.dahl@nordlys.example');
    const subscribed = await gw.call('POST', '/api/push/subscriptions', { cookie: sigrid, body: { endpoint: `${push.base}/push/sigrid-phone`, keys: phone.keys } });
    const filed = await gw.call('POST', '/api/portal/requests', { cookie: sigrid, body: { room: 'r202', category: 'cleaning', title: 'Spilled coffee', description: 'By the window' } });
    const id = filed.body.request.id as string;
    const marco = await gw.login('marco');

    await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: marco, body: { text: 'Internal: the cleaner is on floor 3', internal: true } });
    await gw.call('POST', `/api/tickets/${id}/reply`, { cookie: marco, body: { text: 'We are on our way' } });
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'ana' } });
    await until(() => to('/push/sigrid-phone').length >= 2);
    await new Promise((r) => setTimeout(r, 300));

    expect(subscribed.body).toEqual({ subscribed: true });
    const messages = to('/push/sigrid-phone').map((r) => JSON.parse(phone.decrypt(r.body)));
    expect(messages).toEqual([
      { code: 'request-replied', ticket: id, title: 'Spilled coffee', url: `${PUBLIC}/portal#request=${id}`, language: 'en' },
      { code: 'request-status', ticket: id, title: 'Spilled coffee', url: `${PUBLIC}/portal#request=${id}`, status: 'assigned', language: 'en' },
    ]);
    expect(JSON.stringify(messages)).not.toContain('Internal');
  });

  it('tells only the request\'s own tenants, and removes a tenant\'s subscription the push service says is gone', async () => {
    const [lenaPhone, meiPhone] = [browserKeys(), browserKeys()];
    const lena = await tenantSignIn(gw, 'lena.brandt@nordlys.example');
    const mei = await tenantSignIn(gw, 'mei.lin@harbour.example');
    await gw.call('POST', '/api/push/subscriptions', { cookie: lena, body: { endpoint: `${push.base}/push/lena-gone`, keys: lenaPhone.keys } });
    await gw.call('POST', '/api/push/subscriptions', { cookie: mei, body: { endpoint: `${push.base}/push/mei-phone`, keys: meiPhone.keys } });
    const filed = await gw.call('POST', '/api/portal/requests', { cookie: lena, body: { room: 'r201', category: 'cleaning', title: 'Bin full', description: 'Kitchen bin' } });

    await gw.call('POST', `/api/tickets/${filed.body.request.id}/reply`, { cookie: await gw.login('marco'), body: { text: 'Emptied' } });
    await until(() => to('/push/lena-gone').length === 1 && gw.store.push.get(`${push.base}/push/lena-gone`) === undefined);
    await new Promise((r) => setTimeout(r, 300));

    expect(to('/push/lena-gone')).toHaveLength(1);
    expect(gw.store.push.get(`${push.base}/push/lena-gone`)).toBeUndefined();
    expect(to('/push/mei-phone')).toEqual([]);
    expect(gw.store.push.get(`${push.base}/push/mei-phone`)?.owner).toMatch(/^person:P-/);
  });

  it('names each tenant\'s own language in the push: Chinese for a Chinese-speaking tenant', async () => {
    const phone = browserKeys();
    const mei = await tenantSignIn(gw, 'mei.lin@harbour.example');
    await gw.call('POST', '/api/push/subscriptions', { cookie: mei, body: { endpoint: `${push.base}/push/mei-zh`, keys: phone.keys } });
    const filed = await gw.call('POST', '/api/portal/requests', { cookie: mei, body: { room: 'r301', category: 'cleaning', title: '地毯有污渍', description: '会议室门口' } });

    await gw.call('POST', `/api/tickets/${filed.body.request.id}/reply`, { cookie: await gw.login('marco'), body: { text: 'On our way' } });
    await until(() => to('/push/mei-zh').length >= 1);

    expect(JSON.parse(phone.decrypt(to('/push/mei-zh')[0]!.body))).toMatchObject({ code: 'request-replied', ticket: filed.body.request.id, language: 'zh' });
  });

  it('tells a company\'s tenant administrator of a colleague\'s request by the rights table\'s company scope, and no plain colleague or other company', async () => {
    const [gracePhone, sigridPhone, lenaPhone] = [browserKeys(), browserKeys(), browserKeys()];
    const grace = await tenantSignIn(gw, 'grace.miller@harbour.example');
    const sigrid = await tenantSignIn(gw, 'sigrid.dahl@nordlys.example');
    const lena = await tenantSignIn(gw, 'lena.brandt@nordlys.example');
    const mei = await tenantSignIn(gw, 'mei.lin@harbour.example');
    await gw.call('POST', '/api/push/subscriptions', { cookie: grace, body: { endpoint: `${push.base}/push/grace-admin`, keys: gracePhone.keys } });
    await gw.call('POST', '/api/push/subscriptions', { cookie: sigrid, body: { endpoint: `${push.base}/push/sigrid-plain`, keys: sigridPhone.keys } });
    await gw.call('POST', '/api/push/subscriptions', { cookie: lena, body: { endpoint: `${push.base}/push/lena-admin`, keys: lenaPhone.keys } });
    const meis = (await gw.call('POST', '/api/portal/requests', { cookie: mei, body: { room: 'r302', category: 'cleaning', title: 'Window smeared', description: 'Inside' } })).body.request.id as string;
    const lenas = (await gw.call('POST', '/api/portal/requests', { cookie: lena, body: { room: 'r201', category: 'cleaning', title: 'Lamp out', description: 'Desk lamp' } })).body.request.id as string;
    const marco = await gw.login('marco');

    await gw.call('POST', `/api/tickets/${meis}/reply`, { cookie: marco, body: { text: 'Tomorrow morning' } });
    await gw.call('POST', `/api/tickets/${meis}/assign`, { cookie: marco, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${lenas}/reply`, { cookie: marco, body: { text: 'Bulb ordered' } });
    await until(() => to('/push/grace-admin').length >= 2 && to('/push/lena-admin').length >= 1);
    await new Promise((r) => setTimeout(r, 300));

    const graceGot = to('/push/grace-admin').map((r) => JSON.parse(gracePhone.decrypt(r.body)));
    expect(graceGot.map((m) => [m.code, m.ticket, m.language])).toEqual([['request-replied', meis, 'en'], ['request-status', meis, 'en']]);
    expect(to('/push/lena-admin').map((r) => JSON.parse(lenaPhone.decrypt(r.body)).ticket)).toEqual([lenas]);
    expect(to('/push/sigrid-plain')).toEqual([]);
    const portal = await gw.call('GET', '/api/portal/requests', { cookie: grace });
    expect(JSON.stringify(portal.body)).toContain(meis);
  });
});
