import v8 from 'node:v8';
import vm from 'node:vm';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { OFFLINE_QUEUE_MAX } from '../src/broker/device-limits.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
const clients: MqttClient[] = [];
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await gw.stop();
});

const MESSAGES = 5_000;
const PAYLOAD_BYTES = 4 * 1024;
const MIB = 1024 * 1024;

// The gateway runs in this process: what it keeps is what is left after a full collection,
// not the garbage the publishing loop leaves behind.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const settledRss = () => { gc(); gc(); return process.memoryUsage().rss; };
const retained = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.external; };

/** A device's own persistent session (clean=false), which the broker keeps while it is away. */
async function persistentDevice(id: string): Promise<MqttClient> {
  const device = gw.creds.devices.find((d) => d.id === id)!;
  const client = await connectAsync(gw.mqtt, { username: device.username, password: device.password, clientId: id, clean: false, reconnectPeriod: 0 });
  clients.push(client);
  return client;
}

async function droppedOfflineQueueFull(): Promise<number> {
  const text = await (await fetch(`${gw.http}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('doorside_mqtt_dropped_total{') && l.includes('reason="offline-queue-full"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Publishes through the embedded broker as the gateway does, a few at a time as a steady
 * stream would, each with a payload of its own; resolves once each is through the pipeline.
 */
async function publishMany(topic: string, count: number, bytes: number): Promise<void> {
  const payload = Buffer.alloc(bytes, 0x61);
  for (let sent = 0; sent < count; sent += 10) {
    await Promise.all(Array.from({ length: Math.min(10, count - sent) }, () => new Promise<void>((resolve, reject) => {
      gw.broker.broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, (error) => (error ? reject(error) : resolve()));
    })));
  }
}

describe('messages queued for a device that is away', () => {
  it(`keeps at most ${OFFLINE_QUEUE_MAX} for an offline persistent client and counts the rest as dropped`, async () => {
    const sign = gw.creds.devices.find((d) => d.kind === 'sign')!;
    const commands = topics.deviceCommands('demo', sign.id);
    const first = await persistentDevice(sign.id);
    await first.subscribeAsync(commands, { qos: 1 });
    await first.endAsync();
    const droppedBefore = await droppedOfflineQueueFull();
    // The same stream to a topic nobody holds a session for first: what the broker's pipeline
    // and the allocator take by themselves is in the baseline, not in the growth.
    await publishMany(topics.deviceCommands('demo', 'no-such-device'), MESSAGES, PAYLOAD_BYTES);
    const rssBefore = settledRss();
    const heapBefore = retained();

    await publishMany(commands, MESSAGES, PAYLOAD_BYTES);
    const rssGrowth = settledRss() - rssBefore;
    const heapGrowth = retained() - heapBefore;
    const received: number[] = [];
    const again = await persistentDevice(sign.id);
    again.on('message', (topic, payload) => { if (topic === commands) received.push(payload.length); });
    let quietSince = Date.now();
    let seen = 0;
    while (Date.now() - quietSince < 1_000) {
      await new Promise((r) => setTimeout(r, 100));
      if (received.length !== seen) { seen = received.length; quietSince = Date.now(); }
    }

    console.log(`offline queue: ${received.length} delivered of ${MESSAGES}; gateway RSS grew ${(rssGrowth / MIB).toFixed(1)} MiB (after collection; heap and buffers ${(heapGrowth / MIB).toFixed(1)} MiB) while they were published`);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThanOrEqual(OFFLINE_QUEUE_MAX);
    expect(received.every((bytes) => bytes === PAYLOAD_BYTES)).toBe(true);
    expect(await droppedOfflineQueueFull() - droppedBefore).toBe(MESSAGES - received.length);
    // What the queue holds shows in heap and buffers (about 20 MiB if unbounded). RSS is only
    // printed: it keeps pages the allocator took while publishing, and differs by Node version
    // by a few MiB either side of the unbounded figure, so it cannot tell the two apart.
    expect(heapGrowth).toBeLessThan(5 * MIB);
  }, 60_000);
});
