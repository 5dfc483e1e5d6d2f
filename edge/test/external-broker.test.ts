import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { brokerFiles } from '../src/devices/broker-files.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { inbox, subackCodes } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { gatewayUser, mosquittoBinary, mosquittoTitle, type RunningMosquitto, seedDemoSite, startMosquitto } from './support/mosquitto.ts';

let gw: TestGateway;
let mosquitto: RunningMosquitto | undefined;
let user: { username: string; password: string };
const ownClients: MqttClient[] = [];

const secretOf = (id: string) => gw.creds.devices.find((d) => d.id === id)!.password;

async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await connectAsync(mosquitto!.url, { reconnectPeriod: 0, connectTimeout: 3_000, ...options });
  ownClients.push(client);
  return client;
}

function expectedStatus(room: string) {
  const r = gw.store.rooms.get(room)!;
  return { room: r.id, name: r.name, names: r.names, status: r.status, since: r.since, reason: r.reason, reasonPhrase: r.reasonPhrase, ticket: r.ticket };
}

const reportPath = (room: string) => {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  return url.pathname + url.search;
};

describe.skipIf(!mosquittoBinary)(mosquittoTitle('the gateway on an external Mosquitto with the generated files'), () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorside-external-'));
    await seedDemoSite(dir);
    user = gatewayUser();
    const store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
    const files = brokerFiles(store, user);
    store.close();
    mosquitto = await startMosquitto(files);
    gw = await startTestGateway({ dataDir: dir, externalBroker: { url: mosquitto.url, ...user } });
  });
  afterEach(async () => { await Promise.all(ownClients.splice(0).map((c) => c.endAsync(true))); });
  afterAll(async () => {
    await gw?.stop();
    await mosquitto?.stop();
  });

  it('gives a device signed in with its generated credentials its room status as a retained message', async () => {
    const sign = await gw.device('sign-r101');
    const received = inbox(sign);

    await sign.subscribeAsync(topics.roomStatus('demo', 'r101'), { qos: 1 });

    const status = await received.next((m) => m.topic === topics.roomStatus('demo', 'r101'));
    expect(gw.mqtt).toBe(mosquitto!.url);
    expect(status.retain).toBe(true);
    expect(JSON.parse(status.payload)).toEqual(expectedStatus('r101'));
  });

  // Mosquitto 2.0's acl_file does not refuse a SUBSCRIBE (SUBACK grants QoS 1, where the embedded broker
  // answers 0x80): it checks read access on every message it would deliver, so nothing arrives.
  it("delivers nothing from another room's status to a device that subscribes to it", async () => {
    const sign = await gw.device('sign-r102');
    const received = inbox(sign);
    const own = topics.deviceCommands('demo', 'sign-r102');

    const codes = await subackCodes(sign, [topics.roomStatus('demo', 'r103'), own]);
    gw.signals.roomStatus(gw.store.rooms.get('r103')!);
    gw.signals.command('sign-r102', { type: 'reload' });

    expect([1, 128]).toContain(codes[0]);
    expect(codes[1]).toBe(1);
    await received.next((m) => m.topic === own);
    expect(received.messages.map((m) => m.topic)).toEqual([own]);
  });

  it("puts a rejected maintenance job's room to Do Not Use on its sign through Mosquitto", async () => {
    const sign = await gw.device('sign-r201');
    const received = inbox(sign);
    await sign.subscribeAsync(topics.roomStatus('demo', 'r201'), { qos: 1 });
    const report = await gw.call('POST', reportPath('r201'), { body: { category: 'maintenance', description: 'Leaking tap' } });
    const id = report.body.ticket.id as string;
    const [boss, staff] = [await gw.login('marco'), await gw.login('dirk')];
    expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: 'dirk' } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${id}/start`, { cookie: staff })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: staff, body: { note: 'Fixed' } })).status).toBe(200);

    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.panelLogin('r201'), body: { reason: 'Still leaking' } });

    expect(res.status).toBe(200);
    const status = await received.next((m) => JSON.parse(m.payload).status === 'do_not_use');
    expect(JSON.parse(status.payload)).toMatchObject({ room: 'r201', status: 'do_not_use', reason: 'Still leaking', ticket: id });
  });

  it("opens a ticket for a panel's service request and answers done on the panel's commands topic", async () => {
    const panel = await gw.device('panel-r105');
    const received = inbox(panel);
    await panel.subscribeAsync(topics.deviceCommands('demo', 'panel-r105'), { qos: 1 });

    await panel.publishAsync(topics.deviceEvents('demo', 'panel-r105'), JSON.stringify({ type: 'button', action: 'request_service' }), { qos: 1 });

    const reply = JSON.parse((await received.next((m) => m.topic.endsWith('/panel-r105/commands'))).payload);
    expect(reply).toMatchObject({ type: 'done', action: 'request_service', ticket: expect.stringMatching(/^T-\d+$/) });
    expect(gw.store.tickets.get(reply.ticket)).toMatchObject({ room: 'r105', category: 'cleaning' });
  });

  it('hears a device announce itself online and its last will say offline', async () => {
    const presence = topics.presence('demo', 'sign-r202');
    const sign = await connect({
      clientId: 'sign-r202', username: 'sign-r202', password: secretOf('sign-r202'),
      will: { topic: presence, payload: Buffer.from('offline'), qos: 1, retain: true },
    });

    await sign.publishAsync(presence, 'online', { qos: 1, retain: true });
    await expect.poll(() => gw.presence.current('sign-r202')?.online).toBe(true);
    await sign.endAsync(true);

    await expect.poll(() => gw.presence.current('sign-r202')?.online).toBe(false);
  });

  it('shuts a revoked device out once the regenerated files are loaded', async () => {
    const sign = await connect({ clientId: 'sign-r305-live', username: 'sign-r305', password: secretOf('sign-r305') });
    const received = inbox(sign);
    await sign.subscribeAsync(topics.roomStatus('demo', 'r305'), { qos: 1 });
    await received.next(() => true);
    const hanna = await gw.login('hanna');

    await gw.call('POST', '/api/devices/sign-r305/revoke', { cookie: hanna });
    await mosquitto!.reload(brokerFiles(gw.store, user));
    await gw.call('POST', '/api/rooms/r305/status', { cookie: hanna, body: { status: 'do_not_use', reason: 'Water leak' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = connect({ clientId: 'sign-r305-again', username: 'sign-r305', password: secretOf('sign-r305') });

    expect(received.messages).toHaveLength(1);
    await expect(again).rejects.toMatchObject({ code: 5 });
  });

  it('lets Mosquitto refuse a wrong password and an unknown user', async () => {
    const wrong = connect({ clientId: 'guess', username: 'sign-r101', password: `${secretOf('sign-r101')}x` });
    const unknown = connect({ clientId: 'stranger', username: 'sign-r999', password: secretOf('sign-r101') });

    await expect(wrong).rejects.toMatchObject({ code: 5 });
    await expect(unknown).rejects.toMatchObject({ code: 5 });
  });
});
