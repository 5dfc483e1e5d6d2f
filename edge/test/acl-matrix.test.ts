import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceKind } from '../src/contracts/index.ts';
import { brokerFiles } from '../src/devices/broker-files.ts';
import { brokerHash } from '../src/store/site-store.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { gatewayUser, mosquittoBinary, mosquittoTitle, type RunningMosquitto, startMosquitto } from './support/mosquitto.ts';

type Verdict = 'allow' | 'deny';
type Table = Record<string, { publish: Verdict | string; subscribe: Verdict | string }>;
interface Matrix {
  room: string;
  otherRoom: string;
  devices: Record<DeviceKind, { self: string; other: string }>;
  topics: Record<string, string>;
  subscribeProbes: Record<string, string>;
  expected: Record<DeviceKind, Table>;
}
const matrix = JSON.parse(readFileSync(new URL('./acl-matrix.json', import.meta.url), 'utf8')) as Matrix;
const kinds = DeviceKind.options;

/** The server side of a broker: sees what devices publish and publishes what the gateway would. */
interface Side {
  url: string;
  /** What reached the server-side subscriber, in order. */
  seen: { topic: string; payload: string }[];
  publish(topic: string, payload: string): Promise<void>;
}

let gw: TestGateway;
const secrets = new Map<string, string>();
let nonce = 0;

const fill = (template: string, kind: DeviceKind) => template
  .replace('{self}', matrix.devices[kind].self).replace('{other}', matrix.devices[kind].other)
  .replace('{room}', matrix.room).replace('{otherRoom}', matrix.otherRoom);

async function until(done: () => boolean, ms = 1_000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await sleep(5);
}

async function connectAs(side: Side, id: string): Promise<{ client: MqttClient; closed: () => boolean }> {
  const client = await connectAsync(side.url, { clientId: id, username: id, password: secrets.get(id)!, reconnectPeriod: 0 });
  let closed = false;
  client.on('error', () => {});
  client.on('close', () => { closed = true; });
  return { client, closed: () => closed };
}

/** Subscribes, has the server side publish a probe there, and tells whether the probe arrived (and the SUBACK code). */
async function trySubscribe(side: Side, kind: DeviceKind, row: string): Promise<{ granted: number; delivered: boolean }> {
  const self = matrix.devices[kind].self;
  const filter = fill(matrix.topics[row]!, kind);
  const { client } = await connectAs(side, self);
  const got: { topic: string; payload: string }[] = [];
  client.on('message', (topic, payload) => got.push({ topic, payload: payload.toString() }));
  const granted = await client.subscribeAsync(filter, { qos: 1 }).then((g) => g[0]!.qos, (e: { packet?: { granted: number[] } }) => e.packet!.granted[0]!);
  const own = `doorside/demo/devices/${self}/commands`;
  await client.subscribeAsync(own, { qos: 1 });
  const [probe, barrier] = [`probe-${++nonce}`, `barrier-${nonce}`];

  await side.publish(fill(matrix.subscribeProbes[row] ?? matrix.topics[row]!, kind), probe);
  await side.publish(own, barrier);
  await until(() => got.some((m) => m.payload === barrier));
  await client.endAsync(true);

  // Mosquitto keeps retained $SYS messages: a device that could read $SYS would get them at once.
  const delivered = got.some((m) => m.payload === probe || (filter.startsWith('$SYS') && m.topic.startsWith('$SYS/')));
  return { granted, delivered };
}

/** Publishes as the device, then a barrier on its own events topic, and tells whether the server side got the message. */
async function tryPublish(side: Side, kind: DeviceKind, row: string): Promise<{ delivered: boolean; closed: boolean }> {
  const self = matrix.devices[kind].self;
  const { client, closed } = await connectAs(side, self);
  const topic = fill(matrix.topics[row]!, kind);
  // Presence takes only `online` or `offline`: its probe is the one the gateway sends only after the connection ends.
  const isPresence = topic.endsWith('/presence');
  const [probe, barrier] = [isPresence ? 'offline' : `{"type":"reading","sensor":"probe","value":${++nonce}}`, `{"type":"reading","sensor":"barrier","value":${++nonce}}`];
  await sleep(isPresence ? 20 : 0);
  const from = side.seen.length;
  const barrierAt = () => side.seen.findIndex((m, i) => i >= from && m.payload === barrier);

  client.publish(topic, probe, { qos: 1 });
  client.publish(`doorside/demo/devices/${self}/events`, barrier, { qos: 1 });
  await until(() => closed() || barrierAt() >= 0);
  await sleep(closed() ? 20 : 0);
  const upTo = barrierAt() >= 0 ? barrierAt() : side.seen.length;
  await client.endAsync(true);

  return { delivered: side.seen.slice(from, upTo).some((m) => m.topic === topic && m.payload === probe), closed: closed() };
}

/** The whole table for one kind, as observed; `strictSuback` also demands SUBACK 128 exactly for each denied subscription. */
async function observe(side: Side, kind: DeviceKind, strictSuback: boolean): Promise<Table> {
  const table: Table = {};
  for (const row of Object.keys(matrix.topics)) {
    const sub = await trySubscribe(side, kind, row);
    const pub = await tryPublish(side, kind, row);
    const subVerdict = sub.delivered ? 'allow' : 'deny';
    const sane = !strictSuback || (sub.granted === 128) === (subVerdict === 'deny');
    table[row] = {
      publish: pub.delivered ? 'allow' : 'deny',
      subscribe: sane ? subVerdict : `${subVerdict}, but SUBACK ${sub.granted}`,
    };
  }
  return table;
}

beforeAll(async () => {
  gw = await startTestGateway();
  for (const d of gw.creds.devices) secrets.set(d.id, d.password);
  for (const kind of kinds) {
    const id = matrix.devices[kind].self;
    if (secrets.has(id)) continue;
    const secret = newDeviceSecret();
    gw.store.directory.putDevice({ id, room: matrix.room, kind, revoked: false }, secretDigest(secret), brokerHash(id, secret));
    secrets.set(id, secret);
  }
});
afterAll(async () => { await gw?.stop(); });

describe('the device ACL matrix (test/acl-matrix.json)', () => {
  it('covers every kind of device the contracts know', () => {
    const covered = Object.keys(matrix.expected);

    expect(covered.sort()).toEqual([...kinds].sort());
    expect(Object.keys(matrix.devices).sort()).toEqual([...kinds].sort());
  });

  describe('on the embedded broker', () => {
    let side: Side;
    beforeAll(async () => {
      const seen: Side['seen'] = [];
      const listen = (packet: { topic: string; payload: Buffer | string }, done: () => void) => { seen.push({ topic: packet.topic, payload: packet.payload.toString() }); done(); };
      for (const filter of ['#', '$SYS/#']) await new Promise<void>((resolve) => gw.broker.broker.subscribe(filter, listen, resolve));
      side = {
        url: gw.mqtt, seen,
        publish: (topic, payload) => new Promise<void>((resolve) => gw.broker.broker.publish(
          { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, () => resolve())),
      };
    });

    it.each(kinds)('gives a %s credential exactly the rights in the table, refusing each denied subscription with SUBACK 128', async (kind) => {
      const observed = await observe(side, kind, true);

      expect(observed).toEqual(matrix.expected[kind]);
    });
  });

  describe.skipIf(!mosquittoBinary)(mosquittoTitle('on Mosquitto with the generated password and ACL files'), () => {
    let mosquitto: RunningMosquitto;
    let observer: MqttClient;
    let side: Side;
    beforeAll(async () => {
      const user = gatewayUser();
      mosquitto = await startMosquitto(brokerFiles(gw.store, user));
      observer = await connectAsync(mosquitto.url, { ...user, clientId: 'matrix-observer', reconnectPeriod: 0 });
      const seen: Side['seen'] = [];
      observer.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString() }));
      await observer.subscribeAsync('#', { qos: 1 });
      side = { url: mosquitto.url, seen, publish: async (topic, payload) => { await observer.publishAsync(topic, payload, { qos: 1 }); } };
    });
    afterAll(async () => {
      await observer?.endAsync(true);
      await mosquitto?.stop();
    });

    // Mosquitto 2.0's acl_file grants every SUBSCRIBE and filters at delivery, so only delivery counts here.
    it.each(kinds)('gives a %s credential exactly the rights in the table, dropping what it may not publish or read', async (kind) => {
      const observed = await observe(side, kind, false);

      expect(observed).toEqual(matrix.expected[kind]);
    });
  });
});
