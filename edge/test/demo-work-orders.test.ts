import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../src/gateway.ts';
import { credentialsFile, DemoCredentials } from '../src/seed/demo-credentials.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** The demo site as `npm start` makes it: two vendors, and one open work order whose link the credentials file keeps. */
describe('the demo vendors and work order', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ demoWorkOrders: true, publicUrl: 'https://doorside.example.org' }); });
  afterAll(async () => { await gw.stop(); });

  const fromFile = () => DemoCredentials.parse(JSON.parse(readFileSync(credentialsFile(gw.dir), 'utf8')));
  const onGateway = (url: string) => `${gw.http}${new URL(url).pathname}`;

  it('lists two vendors with their contacts, and an open order\'s vendor link on the public address', async () => {
    const { vendors } = fromFile();
    const hanna = await gw.login('hanna');

    const listed = (await gw.call('GET', '/api/vendors', { cookie: hanna })).body.vendors as { id: string; contacts: unknown[] }[];

    expect(vendors).toHaveLength(2);
    expect(vendors!.map((v) => v.id).sort()).toEqual(listed.map((v) => v.id).sort());
    expect(vendors!.every((v) => v.contacts.length > 0 && v.contacts.every((c) => c.email.includes('@')))).toBe(true);
    const links = vendors!.flatMap((v) => v.workOrders);
    expect(links).toHaveLength(1);
    expect(links[0]!.url).toMatch(/^https:\/\/doorside\.example\.org\/wo\/[A-Za-z0-9_-]{22}$/);
  });

  it('opens the order from its link: sent, waiting for the vendor\'s answer', async () => {
    const link = fromFile().vendors!.flatMap((v) => v.workOrders)[0]!;

    const opened = await fetch(onGateway(link.url), { redirect: 'manual' });
    await opened.arrayBuffer();
    const view = await gw.call('GET', `/api/wo/${new URL(link.url).pathname.split('/').pop()}`);

    expect(opened.status).toBe(303);
    expect(view.body).toMatchObject({ workOrder: { id: link.id, status: 'sent', costLimit: { currency: 'NOK' } }, room: { id: 'r102' }, actions: expect.arrayContaining(['accept', 'decline']) });
  });

  it('keeps the vendors and the link in the credentials file when the site starts again on another address', async () => {
    const before = fromFile();
    await gw.close();

    const again = await startGateway({ site: 'demo', host: '127.0.0.1', httpPort: 0, mqttPort: 0, dataDir: gw.dir, publicUrl: 'https://doorside.example.net' });
    const after = fromFile();
    await again.close();

    expect(after.vendors!.map((v) => v.id)).toEqual(before.vendors!.map((v) => v.id));
    const token = (url: string) => new URL(url).pathname;
    expect(after.vendors!.flatMap((v) => v.workOrders).map((o) => o.url)).toEqual(before.vendors!.flatMap((v) => v.workOrders).map((o) => `https://doorside.example.net${token(o.url)}`));
  });
});
