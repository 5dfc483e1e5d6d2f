import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { inbox, subackCodes } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
const ownClients: MqttClient[] = [];
beforeAll(async () => { gw = await startTestGateway(); });
afterEach(async () => { await Promise.all(ownClients.splice(0).map((c) => c.endAsync(true))); });
afterAll(async () => { await gw.stop(); });

const secretOf = (id: string) => gw.creds.devices.find((d) => d.id === id)!.password;

/** A raw client, not through the helper, so a test can choose credentials and client id. */
async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await connectAsync(gw.mqtt, { reconnectPeriod: 0, connectTimeout: 3_000, ...options });
  ownClients.push(client);
  return client;
}

/** The value of `doorside_mqtt_dropped_total` for a reason, as /metrics reports it. */
async function dropped(reason: string): Promise<number> {
  const { body } = await gw.call('GET', '/metrics');
  const line = (body as string).split('\n').find((l) => l.startsWith('doorside_mqtt_dropped_total{') && l.includes(`reason="${reason}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** The retained status message the gateway publishes for a room, built from the stored room. */
function expectedStatus(room: string) {
  const r = gw.store.rooms.get(room)!;
  return { room: r.id, name: r.name, names: r.names, status: r.status, since: r.since, reason: r.reason, reasonPhrase: r.reasonPhrase, ticket: r.ticket };
}

const closed = (client: MqttClient) => new Promise<void>((resolve) => client.once('close', () => resolve()));

describe('the embedded MQTT broker', () => {
  it('refuses a client without credentials and one with a wrong password, and counts both', async () => {
    const before = await dropped('bad-credentials');

    const anonymous = connect({ clientId: 'anon' });
    const wrong = connect({ clientId: 'guess', username: 'sign-r101', password: `${secretOf('sign-r101')}x` });

    await expect(anonymous).rejects.toMatchObject({ code: 5 });
    await expect(wrong).rejects.toMatchObject({ code: 5 });
    expect(await dropped('bad-credentials')).toBe(before + 2);
  });

  it('gives a sign its own room status as a retained message as soon as it subscribes', async () => {
    const sign = await gw.device('sign-r101');
    const received = inbox(sign);

    await sign.subscribeAsync(topics.roomStatus('demo', 'r101'), { qos: 1 });

    const status = await received.next((m) => m.topic === topics.roomStatus('demo', 'r101'));
    expect(status.retain).toBe(true);
    expect(JSON.parse(status.payload)).toEqual(expectedStatus('r101'));
  });

  it('refuses a sign every subscription outside its own topics and delivers nothing on them', async () => {
    const sign = await gw.device('sign-r102');
    const received = inbox(sign);
    const forbidden = [topics.roomStatus('demo', 'r103'), 'doorside/demo/#', '#', '$SYS/#', 'doorside/demo/rooms/+/status', topics.deviceCommands('demo', 'panel-r102')];
    const own = topics.deviceCommands('demo', 'sign-r102');
    const before = await dropped('subscribe-denied');

    const codes = await subackCodes(sign, [...forbidden, own]);
    gw.signals.roomStatus(gw.store.rooms.get('r103')!);
    for (const topic of [topics.deviceCommands('demo', 'panel-r102'), '$SYS/doorside/test', own]) {
      await new Promise<void>((resolve) => gw.broker.broker.publish({ cmd: 'publish', topic, payload: Buffer.from('{}'), qos: 1, retain: false, dup: false }, () => resolve()));
    }

    expect(codes).toEqual([...forbidden.map(() => 128), 1]);
    expect(await dropped('subscribe-denied')).toBe(before + forbidden.length);
    await received.next((m) => m.topic === own);
    expect(received.messages.map((m) => m.topic)).toEqual([own]);
  });

  it('disconnects a sign that publishes its room status and keeps the retained status unchanged', async () => {
    const sign = await gw.device('sign-r104');
    sign.on('error', () => {});
    const before = await dropped('publish-denied');
    const forged = { ...expectedStatus('r104'), status: 'do_not_use', reason: 'forged by the sign' };

    const gone = closed(sign);
    sign.publish(topics.roomStatus('demo', 'r104'), JSON.stringify(forged), { qos: 1, retain: true });
    await gone;

    expect(await dropped('publish-denied')).toBe(before + 1);
    const again = await connect({ clientId: 'sign-r104', username: 'sign-r104', password: secretOf('sign-r104') });
    const received = inbox(again);
    await again.subscribeAsync(topics.roomStatus('demo', 'r104'), { qos: 1 });
    const status = await received.next((m) => m.topic === topics.roomStatus('demo', 'r104'));
    expect(JSON.parse(status.payload)).toEqual(expectedStatus('r104'));
    expect(expectedStatus('r104').reason).not.toBe(forged.reason);
  });

  it('drops malformed and off-schema device events with a counted reason and lets valid ones through uncounted', async () => {
    const sign = await gw.device('sign-r105');
    const events = topics.deviceEvents('demo', 'sign-r105');
    const [notJson, badPayload] = [await dropped('not-json'), await dropped('bad-payload')];

    await sign.publishAsync(events, '{"type": "button", "action"', { qos: 1 });
    await sign.publishAsync(events, JSON.stringify({ type: 'button', action: 'self-destruct' }), { qos: 1 });
    await sign.publishAsync(events, JSON.stringify({ type: 'reading', sensor: 'co2', value: 1, extra: true }), { qos: 1 });
    const afterBad = [await dropped('not-json'), await dropped('bad-payload')];
    await sign.publishAsync(events, JSON.stringify({ type: 'reading', sensor: 'co2', value: 612, unit: 'ppm' }), { qos: 1 });
    await sign.publishAsync(events, JSON.stringify({ type: 'button', action: 'request_service' }), { qos: 1 });

    expect(afterBad).toEqual([notJson + 1, badPayload + 2]);
    expect([await dropped('not-json'), await dropped('bad-payload')]).toEqual(afterBad);
    expect(sign.connected).toBe(true);
  });

  it('closes a client that publishes a 1 MB message and keeps serving HTTP and MQTT', async () => {
    const sign = await gw.device('sign-r201');
    sign.on('error', () => {});
    const before = await dropped('packet-too-large');

    const gone = closed(sign);
    sign.publish(topics.deviceEvents('demo', 'sign-r201'), Buffer.alloc(1024 * 1024, 0x7b), { qos: 0 });
    await gone;

    expect(await dropped('packet-too-large')).toBe(before + 1);
    expect((await gw.call('GET', '/health')).body).toMatchObject({ status: 'ok' });
    const other = await gw.device('sign-r202');
    const received = inbox(other);
    await other.subscribeAsync(topics.roomStatus('demo', 'r202'), { qos: 1 });
    expect(JSON.parse((await received.next((m) => m.topic.endsWith('/r202/status'))).payload)).toEqual(expectedStatus('r202'));
  });

  it('refuses a second client that takes the client id of a connected device and keeps the first one', async () => {
    const first = await gw.device('sign-r203');
    const before = await dropped('client-id-not-own');

    const second = connect({ clientId: 'sign-r203', username: 'sign-r204', password: secretOf('sign-r204') });

    await expect(second).rejects.toMatchObject({ code: 5 });
    expect(await dropped('client-id-not-own')).toBe(before + 1);
    expect(first.connected).toBe(true);
    const granted = await first.subscribeAsync(topics.roomStatus('demo', 'r203'), { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
  });

  it('announces a device online and offline as retained presence and records it in the devices table', async () => {
    const topic = topics.presence('demo', 'panel-r301');
    const heard: { payload: string; retain: boolean }[] = [];
    const listen = (packet: { payload: Buffer | string; retain: boolean }, done: () => void) => { heard.push({ payload: packet.payload.toString(), retain: packet.retain }); done(); };
    await new Promise<void>((resolve) => gw.broker.broker.subscribe(topic, listen, resolve));
    const presence = () => gw.store.db.prepare('SELECT online, last_seen FROM devices WHERE id = ?').get('panel-r301') as { online: number; last_seen: string | null };

    const panel = await connect({ clientId: 'panel-r301', username: 'panel-r301', password: secretOf('panel-r301') });
    await expect.poll(() => heard.map((h) => h.payload)).toEqual(['online']);
    gw.presence.flush();
    const online = presence();
    await panel.endAsync();
    await expect.poll(() => heard.map((h) => h.payload)).toEqual(['online', 'offline']);
    gw.presence.flush();

    await new Promise<void>((resolve) => gw.broker.broker.unsubscribe(topic, listen, resolve));
    expect(heard.every((h) => h.retain)).toBe(true);
    expect(online).toMatchObject({ online: 1, last_seen: expect.any(String) });
    expect(presence()).toMatchObject({ online: 0, last_seen: expect.any(String) });
  });
});
