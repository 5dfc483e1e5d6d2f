import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Aedes } from 'aedes';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { guardMqttSocket, type PacketGuardOptions } from './packet-guard.ts';
import { encodeRemainingLength } from '../test-support/mqtt-bytes.ts';

type Reason = Parameters<NonNullable<PacketGuardOptions['onReject']>>[0];

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startGuardedBroker(overrides: Partial<PacketGuardOptions> = {}) {
  const broker = await Aedes.createBroker();
  const rejections: Reason[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const options = { connectTimeoutMs: 10_000, maxRemainingLength: 65_536, ...overrides };
    broker.handle(guardMqttSocket(socket, { ...options, onReject: (reason) => rejections.push(reason) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => broker.close(() => resolve()));
  });
  const { port } = server.address() as net.AddressInfo;
  return { port, rejections };
}

async function connectClient(port: number): Promise<MqttClient> {
  const client = await connectAsync({ host: '127.0.0.1', port, reconnectPeriod: 0 });
  cleanups.push(() => client.endAsync(true));
  return client;
}

/** A raw TCP peer that records everything the broker sends back and when the connection closes. */
async function openRawSocket(port: number) {
  const socket = net.connect({ host: '127.0.0.1', port });
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  // The broker resets us on purpose in most of these tests; that is the outcome, not a failure.
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => performance.now());
  cleanups.push(async () => void socket.destroy());
  await once(socket, 'connect');
  return { socket, received, closed };
}

/** An MQTT 3.1.1 CONNECT with clean session, built by hand so the test needs no codec. */
function connectPacket(clientId: string): Buffer {
  const id = Buffer.from(clientId);
  const variableHeader = Buffer.from([0x00, 0x04, ...Buffer.from('MQTT'), 0x04, 0x02, 0x00, 0x3c]);
  const payload = Buffer.concat([Buffer.from([id.length >> 8, id.length & 0xff]), id]);
  const body = Buffer.concat([variableHeader, payload]);
  return Buffer.concat([Buffer.from([0x10]), encodeRemainingLength(body.length), body]);
}

function measureRss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

describe('guardMqttSocket', () => {
  it('lets a normal client subscribe, publish and receive its own messages', async () => {
    const { port, rejections } = await startGuardedBroker();
    const client = await connectClient(port);
    await client.subscribeAsync('doorside/test/#');
    const messages: Array<{ topic: string; payload: Buffer }> = [];
    client.on('message', (topic, payload) => messages.push({ topic, payload }));

    await client.publishAsync('doorside/test/small', 'hello', { qos: 1 });
    await client.publishAsync('doorside/test/large', Buffer.alloc(60_000, 7), { qos: 1 });
    await expect.poll(() => messages.length).toBe(2);

    expect(messages[0]?.payload.toString()).toBe('hello');
    expect(messages[1]?.payload.equals(Buffer.alloc(60_000, 7))).toBe(true);
    expect(rejections).toEqual([]);
  });

  it('closes a client that publishes a packet larger than the cap', async () => {
    const { port, rejections } = await startGuardedBroker({ maxRemainingLength: 65_536 });
    const client = await connectClient(port);
    // The guard resets the connection, so the client reports ECONNRESET before it closes.
    client.on('error', () => {});
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));

    client.publish('doorside/test/huge', Buffer.alloc(70_000, 1), { qos: 0 });
    await closed;

    expect(rejections).toEqual(['packet-too-large']);
  });

  it('closes a socket whose first packet is not a CONNECT', async () => {
    const { port, rejections } = await startGuardedBroker();
    const raw = await openRawSocket(port);

    raw.socket.write(Buffer.from([0x30, 0x05, 0x00, 0x01, 0x61, 0x68, 0x69]));
    await raw.closed;

    expect(rejections).toEqual(['not-connect-first']);
    expect(raw.received).toEqual([]);
  });

  it('closes a socket that sends nothing once the connect timeout passes', async () => {
    const { port, rejections } = await startGuardedBroker({ connectTimeoutMs: 200 });
    const openedAt = performance.now();

    const raw = await openRawSocket(port);
    const closedAt = await raw.closed;

    expect(closedAt - openedAt).toBeGreaterThanOrEqual(150);
    expect(closedAt - openedAt).toBeLessThan(2_000);
    expect(rejections).toEqual(['connect-timeout']);
  });

  it('closes a socket that announces a remaining length needing a fifth varint byte', async () => {
    const { port, rejections } = await startGuardedBroker();
    const raw = await openRawSocket(port);

    raw.socket.write(Buffer.from([0x10, 0x80, 0x80, 0x80, 0x80, 0x01]));
    await raw.closed;

    expect(rejections).toEqual(['malformed-length']);
  });

  it('drops many bad initial packets announcing 250 MB promptly and without buffering them', async () => {
    const { port, rejections } = await startGuardedBroker();
    const header = Buffer.concat([Buffer.from([0x10]), encodeRemainingLength(250 * 1024 * 1024)]);
    const junk = Buffer.alloc(4096, 0xab);
    const raws = await Promise.all(Array.from({ length: 12 }, () => openRawSocket(port)));
    const rssBefore = measureRss();
    const sentAt = performance.now();

    for (const raw of raws) raw.socket.write(Buffer.concat([header, junk]));
    const closedAt = await Promise.all(raws.map((raw) => raw.closed));

    expect(Math.max(...closedAt) - sentAt).toBeLessThan(1_000);
    expect(rejections).toEqual(Array(12).fill('packet-too-large'));
    expect(measureRss() - rssBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it('parses a CONNECT that arrives one byte per write', async () => {
    const { port, rejections } = await startGuardedBroker();
    const raw = await openRawSocket(port);
    raw.socket.setNoDelay(true);

    for (const byte of connectPacket('byte-by-byte')) {
      raw.socket.write(Buffer.from([byte]));
      await sleep(2);
    }
    await expect.poll(() => Buffer.concat(raw.received).length).toBeGreaterThanOrEqual(4);

    expect([...Buffer.concat(raw.received).subarray(0, 2)]).toEqual([0x20, 0x02]);
    expect(rejections).toEqual([]);
  });
});
