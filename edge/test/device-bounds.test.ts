import { once } from 'node:events';
import net from 'node:net';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { generate } from 'mqtt-packet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { DEVICE_LIMITS } from '../src/broker/device-limits.ts';
import { inbox } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
const ownClients: MqttClient[] = [];
beforeAll(async () => { gw = await startTestGateway(); });
afterEach(async () => { await Promise.all(ownClients.splice(0).map((c) => c.endAsync(true))); });
afterAll(async () => { await gw.stop(); });

const secretOf = (id: string) => gw.creds.devices.find((d) => d.id === id)!.password;
const as = (id: string, clientId = id): IClientOptions => ({ clientId, username: id, password: secretOf(id) });

async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await connectAsync(gw.mqtt, { reconnectPeriod: 0, connectTimeout: 3_000, ...options });
  client.on('error', () => {});
  ownClients.push(client);
  return client;
}

async function dropped(reason: string): Promise<number> {
  const { body } = await gw.call('GET', '/metrics');
  const line = (body as string).split('\n').find((l) => l.startsWith('doorside_mqtt_dropped_total{') && l.includes(`reason="${reason}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

const closed = (client: MqttClient) => new Promise<void>((resolve) => client.once('close', () => resolve()));

/** A device that publishes events and reads the answers on its commands topic. */
async function panel(id: string) {
  const client = await connect(as(id));
  const replies = inbox(client);
  await client.subscribeAsync(topics.deviceCommands('demo', id), { qos: 1 });
  const press = async (event: object, timeoutMs = 3_000) => {
    const before = replies.messages.length;
    await client.publishAsync(topics.deviceEvents('demo', id), JSON.stringify(event), { qos: 1 });
    return JSON.parse((await replies.next((m) => replies.messages.indexOf(m) >= before, timeoutMs)).payload);
  };
  return { client, replies, press };
}

function retained(topic: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let found: string | undefined;
    // aedes' typings leave its persistence out.
    (gw.broker.broker as unknown as { persistence: { createRetainedStream(t: string): NodeJS.ReadableStream } }).persistence.createRetainedStream(topic)
      .on('data', (packet: { payload: Buffer | string }) => { found = packet.payload.toString(); })
      .on('end', () => resolve(found))
      .on('error', reject);
  });
}

describe('a client id belongs to its device', () => {
  it("refuses a device's credentials under another device's client id, counts it, and leaves that device connected", async () => {
    const owner = await connect(as('sign-r101'));
    const before = await dropped('client-id-not-own');

    const thief = connect(as('sign-r102', 'sign-r101'));

    await expect(thief).rejects.toMatchObject({ code: 5 });
    expect(await dropped('client-id-not-own')).toBe(before + 1);
    expect(owner.connected).toBe(true);
    expect((await owner.subscribeAsync(topics.roomStatus('demo', 'r101'), { qos: 1 }))[0]?.qos).toBe(1);
  });

  it('refuses a device that makes up a client id of its own, even a free one', async () => {
    const before = await dropped('client-id-not-own');

    const made = connect(as('sign-r103', 'sign-r103-second'));

    await expect(made).rejects.toMatchObject({ code: 5 });
    expect(await dropped('client-id-not-own')).toBe(before + 1);
  });

  it('keeps one live connection per device: a second with the same id takes over, and the takeover is counted', async () => {
    const first = await connect(as('sign-r104'));
    const gone = closed(first);
    const before = await dropped('session-taken-over');

    const second = await connect(as('sign-r104'));
    await gone;

    expect(second.connected).toBe(true);
    expect(first.connected).toBe(false);
    expect(await dropped('session-taken-over')).toBe(before + 1);
  });
});

describe('what a device can make the gateway keep or do', () => {
  it(`answers a device's ticket beyond ${DEVICE_LIMITS.tickets.max} in its window with RATE_LIMITED, opens none, and counts it`, async () => {
    const { press } = await panel('panel-r201');
    const before = { dropped: await dropped('ticket-rate-limited'), tickets: gw.store.tickets.openInRoom('r201').length };

    const answers = [];
    for (let i = 0; i <= DEVICE_LIMITS.tickets.max; i++) answers.push(await press({ type: 'button', action: 'request_service' }));

    expect(answers.slice(0, -1).every((a) => a.type === 'done')).toBe(true);
    expect(answers.at(-1)).toMatchObject({ type: 'denied', action: 'request_service', code: 'RATE_LIMITED' });
    expect(gw.store.tickets.openInRoom('r201').length).toBe(before.tickets + DEVICE_LIMITS.tickets.max);
    expect(await dropped('ticket-rate-limited')).toBe(before.dropped + 1);
  });

  it(`keeps at most ${DEVICE_LIMITS.sensors} sensors' readings per device and counts the readings of any further one`, async () => {
    const sign = await connect(as('sign-r202'));
    const before = await dropped('too-many-sensors');

    for (let i = 0; i < DEVICE_LIMITS.sensors + 4; i++) {
      await sign.publishAsync(topics.deviceEvents('demo', 'sign-r202'), JSON.stringify({ type: 'reading', sensor: `s${i}`, value: i }), { qos: 1 });
    }
    await expect.poll(() => dropped('too-many-sensors')).toBe(before + 4);

    expect(gw.deviceEvents.readings.get('sign-r202')?.length).toBe(DEVICE_LIMITS.sensors);
  });

  it('drops a retained presence payload that is not online or offline, closes the connection as for any refused publish, and counts it', async () => {
    const sign = await connect(as('sign-r203'));
    const topic = topics.presence('demo', 'sign-r203');
    await sign.publishAsync(topic, 'online', { qos: 1, retain: true });
    const before = await dropped('bad-presence');

    const gone = closed(sign);
    sign.publish(topic, 'x'.repeat(40_000), { qos: 1, retain: true });
    await gone;

    // What stays retained is the gateway's own mark of the closed connection, never the payload.
    expect(await retained(topic)).toBe('offline');
    expect(await dropped('bad-presence')).toBe(before + 1);
  });

  it(`drops a device's events beyond ${DEVICE_LIMITS.events.max} a second and counts them`, async () => {
    const sign = await connect(as('sign-r204'));
    const before = await dropped('event-rate-limited');

    for (let i = 0; i < DEVICE_LIMITS.events.max * 3; i++) sign.publish(topics.deviceEvents('demo', 'sign-r204'), JSON.stringify({ type: 'scan', code: `c${i}` }), { qos: 0 });
    await sign.publishAsync(topics.deviceEvents('demo', 'sign-r204'), JSON.stringify({ type: 'scan', code: 'last' }), { qos: 1 });

    await expect.poll(() => dropped('event-rate-limited')).toBeGreaterThanOrEqual(before + DEVICE_LIMITS.events.max);
    expect(gw.deviceEvents.scans.get('sign-r204')!.count).toBeLessThanOrEqual(DEVICE_LIMITS.events.max * 2);
  });

  it(`closes a client that leaves more than ${DEVICE_LIMITS.inflightQos2} QoS 2 messages waiting for their PUBREL, and counts it`, async () => {
    const before = await dropped('inflight-exceeded');
    const { port } = new URL(gw.mqtt);
    const socket = net.connect(Number(port), '127.0.0.1');
    socket.on('data', () => {});
    await once(socket, 'connect');
    const gone = once(socket, 'close');

    socket.write(generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clientId: 'sign-r205', username: 'sign-r205', password: Buffer.from(secretOf('sign-r205')), clean: true, keepalive: 30 }));
    for (let id = 1; id <= DEVICE_LIMITS.inflightQos2 + 1; id++) {
      socket.write(generate({ cmd: 'publish', topic: topics.deviceEvents('demo', 'sign-r205'), payload: Buffer.from('{"type":"scan","code":"q"}'), qos: 2, messageId: id, retain: false, dup: false }));
    }
    await gone;

    expect(await dropped('inflight-exceeded')).toBe(before + 1);
  });
});

describe('one device flooding', () => {
  it("never slows another device: all of the other's 20 presses are answered within a few seconds", async () => {
    const flooder = await connect(as('panel-r301'));
    const { press } = await panel('panel-r302');
    const before = await dropped('event-rate-limited');
    let flooding = true;
    const flood = (async () => {
      const topic = topics.deviceEvents('demo', 'panel-r301');
      const messages = [JSON.stringify({ type: 'button', action: 'request_service' }), JSON.stringify({ type: 'reading', sensor: 'x', value: 1 }), '{not json'];
      for (let i = 0; flooding; i++) {
        for (let j = 0; j < 200; j++) flooder.publish(topic, messages[(i + j) % 3]!, { qos: 0 });
        await new Promise((r) => setImmediate(r));
      }
    })();

    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await press({ type: 'button', action: 'approve' }, 5_000));
    const elapsed = Date.now() - started;
    flooding = false;
    await flood;

    expect(answers).toHaveLength(20);
    expect(answers.every((a) => a.type === 'denied' && a.code === 'NOTHING_TO_VERIFY')).toBe(true);
    expect(elapsed).toBeLessThan(5_000);
    expect(await dropped('event-rate-limited')).toBeGreaterThan(before);
  });
});
