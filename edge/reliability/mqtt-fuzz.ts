import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { generate } from 'mqtt-packet';
import { int } from '../bench/stats.ts';
import type { Figures } from './figures.ts';
import { GatewayChild, type Memory } from './gateway-child.ts';
import { call } from './http-call.ts';
import { connectPacket, type FuzzDevice, mutate, mutatedPackets, payloads, random, topicFor } from './mqtt-mutations.ts';

const MiB = 2 ** 20;

/** One raw TCP connection: a CONNECT (itself mutated now and then), then the packets; answers how many were written before the broker hung up. */
function rawConnection(port: number, connect: Buffer, packets: { kind: string; bytes: Buffer }[], kinds: Map<string, number>): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let written = 0;
    let pending = packets.length;
    let closed = false;
    let done = false;
    // Resolves once the socket is closed and every write has been answered (flushed, or failed with the close).
    const settle = () => { if (!done && closed && pending === 0) { done = true; resolve(written); } };
    socket.on('error', () => {});
    socket.on('data', () => {});
    socket.on('close', () => { closed = true; settle(); setTimeout(() => { pending = 0; settle(); }, 2_000).unref(); });
    socket.setTimeout(1_500, () => socket.destroy());
    socket.on('connect', () => {
      socket.write(connect, () => {});
      for (const { kind, bytes } of packets) {
        socket.write(bytes, (error) => {
          pending -= 1;
          if (!error) {
            written += 1;
            kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          }
          settle();
        });
      }
      socket.end();
    });
  });
}

async function droppedByReason(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^doorside_mqtt_dropped_total\{reason="([^"]+)"[^}]*\} (\d+)/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

/**
 * Section 2: mutated MQTT packets against the embedded broker of a gateway in its own
 * process. Raw TCP connections send a CONNECT and then bit-flipped, cut, wrongly sized,
 * retyped and random packets on the contract's device topics; signed-in devices (mqtt.js)
 * send well-formed packets with mutated payloads and topics. The gateway must stay up and
 * working, and its memory after GC must grow by less than 20 MB.
 */
export async function mqttFuzz(figures: Figures, total: number, seed = 20261205): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-mqtt-fuzz-'));
  const gw = await GatewayChild.start({ dataDir: dir });
  const rnd = random(seed);
  const clients: MqttClient[] = [];
  try {
    const site = gw.info.credentials.site;
    const port = Number(new URL(gw.info.mqtt).port);
    const devices: FuzzDevice[] = gw.info.credentials.devices.map((d) => ({ id: d.id, room: d.room, username: d.username, password: d.password }));
    const pool = payloads(seed, 2_000);
    const kinds = new Map<string, number>();
    let rawSent = 0;
    let connections = 0;

    const rawRound = async (packetsWanted: number) => {
      let sent = 0;
      const worker = async () => {
        while (sent < packetsWanted) {
          const me = devices[Math.floor(rnd() * devices.length)]!;
          const other = devices[Math.floor(rnd() * devices.length)]!;
          const connect = generate(connectPacket(rnd, me));
          const packets = mutatedPackets(rnd, site, me, other, pool, 10);
          const first = rnd() < 0.1 ? mutate(rnd, connect).bytes : connect;
          connections += 1;
          const written = await rawConnection(port, first, packets, kinds);
          sent += written;
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      return sent;
    };

    const deviceRound = async (publishes: number) => {
      let sent = 0;
      const signs = devices.slice(0, 8);
      let session = 0;
      // Each device signs in, publishes until the broker drops it (a refused topic) or 2,000 are out, and signs in again.
      await Promise.all(signs.map(async (me) => {
        while (sent < publishes) {
          const client = await connectAsync(gw.info.mqtt, { username: me.username, password: me.password, clientId: `fuzz-valid-${me.id}-${session++}`, reconnectPeriod: 0, connectTimeout: 5_000 });
          client.on('error', () => {});
          clients.push(client);
          for (let n = 0; n < 2_000 && sent < publishes && client.connected; n++) {
            const topic = topicFor(rnd, site, me, devices[Math.floor(rnd() * devices.length)]!);
            client.publish(topic, pool[Math.floor(rnd() * pool.length)]!, { qos: n % 20 === 0 ? 1 : 0, retain: n % 97 === 0 }, () => {});
            sent += 1;
            if (n % 100 === 99) await new Promise((r) => setTimeout(r, 2));
          }
          await client.endAsync(true).catch(() => {});
          clients.splice(clients.indexOf(client), 1);
        }
      }));
      return sent;
    };

    // Warm up (first connections, JIT, pools), then take the baseline.
    await rawRound(2_000);
    await deviceRound(1_000);
    const before: Memory = await gw.memory();
    const started = performance.now();
    const rawTarget = Math.round(total * 0.7);
    rawSent = await rawRound(rawTarget);
    const deviceSent = await deviceRound(total - rawSent);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2_000));
    const after: Memory = await gw.memory();

    const health = await call(gw.info.http, 'GET', '/health');
    const sign = devices.find((d) => d.id.startsWith('sign-'))!;
    const probe = await connectAsync(gw.info.mqtt, { username: sign.username, password: sign.password, clientId: `probe-${seed}`, reconnectPeriod: 0 });
    const status = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 3_000);
      probe.on('message', (_t, payload) => { clearTimeout(timer); resolve(payload.toString()); });
      void probe.subscribeAsync(`doorside/${site}/rooms/${sign.room}/status`, { qos: 1 });
    });
    await probe.endAsync(true);
    const dropped = await droppedByReason(gw.info.http);
    const alive = gw.alive && health.status === 200 && status !== null;
    console.log(`  raw packets written before the broker hung up, by mutation: ${[...kinds].map(([k, n]) => `${k} ${int(n)}`).join(', ')}`);
    console.log(`  dropped and counted by the gateway: ${JSON.stringify(dropped)}`);
    if (gw.stderr()) console.log(`  gateway stderr: ${gw.stderr().slice(0, 500)}`);
    const section = '2';
    figures.add({ section, measure: 'mutated MQTT packets sent (raw TCP / from signed-in devices)', value: `${int(rawSent + deviceSent)} (${int(rawSent)} over ${int(connections)} connections / ${int(deviceSent)}) in ${seconds.toFixed(0)} s`, target: '>= 100,000', pass: rawSent + deviceSent >= 100_000 });
    figures.add({ section, measure: 'gateway crashes; still answers HTTP and serves retained status after', value: `${alive ? 0 : 1}; health ${health.status}, retained status ${status ? 'received' : 'MISSING'}`, target: '0', pass: alive && gw.stderr() === '' });
    figures.add({ section, measure: 'gateway memory growth after GC (RSS / heap used)', value: `${((after.rss - before.rss) / MiB).toFixed(1)} MB / ${((after.heapUsed - before.heapUsed) / MiB).toFixed(1)} MB (RSS ${(before.rss / MiB).toFixed(0)} -> ${(after.rss / MiB).toFixed(0)} MB)`, target: '< 20 MB', pass: after.rss - before.rss < 20 * MiB && after.heapUsed - before.heapUsed < 20 * MiB && after.gc });
  } finally {
    await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
    await gw.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
