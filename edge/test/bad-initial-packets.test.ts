import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRemainingLength } from '../src/test-support/mqtt-bytes.ts';
import { freePort } from './support/ports.ts';

// Mosquitto's "bad initial packets" test, against the whole gateway process: a flood of
// CONNECTs that announce 250 MB each must be refused without the gateway buffering them.
const main = join(import.meta.dirname, '..', 'src', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'doorside-bad-packets-'));
let child: ChildProcess;
let http: string;
let mqttPort: number;


/** The child's resident set size in bytes, as the kernel reports it. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D/g, '')) * 1024;
}

async function openRawSocket(port: number) {
  const socket = net.connect({ host: '127.0.0.1', port });
  // The gateway resets these connections on purpose; that is the outcome, not a failure.
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => performance.now());
  await once(socket, 'connect');
  return { socket, closed };
}

async function dropped(reason: string): Promise<number> {
  const text = await (await fetch(`${http}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('doorside_mqtt_dropped_total{') && l.includes(`reason="${reason}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

beforeAll(async () => {
  const [httpPort, port] = [await freePort(), await freePort()];
  mqttPort = port;
  http = `http://127.0.0.1:${httpPort}`;
  child = spawn(process.execPath, ['--import', 'tsx', main], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: String(httpPort), DOORSIDE_MQTT_PORT: String(mqttPort), DOORSIDE_HOST: '127.0.0.1', DOORSIDE_LOG: 'false', DOORSIDE_SMTP_PORT: '0' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) resolve();
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before it was running:\n${output}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('a running gateway flooded with CONNECTs announcing 250 MB each', () => {
  it('closes all twelve connections promptly, counts them and does not grow its memory', async () => {
    const header = Buffer.concat([Buffer.from([0x10]), encodeRemainingLength(250 * 1024 * 1024)]);
    const junk = Buffer.alloc(4096, 0xab);
    const before = await dropped('packet-too-large');
    const raws = await Promise.all(Array.from({ length: 12 }, () => openRawSocket(mqttPort)));
    await sleep(200);
    const rssBefore = rssOf(child.pid!);
    const sentAt = performance.now();

    for (const raw of raws) raw.socket.write(Buffer.concat([header, junk, junk]));
    const closedAt = await Promise.race([Promise.all(raws.map((raw) => raw.closed)), sleep(5_000).then(() => [Infinity])]);

    expect(Math.max(...closedAt) - sentAt).toBeLessThan(2_000);
    expect(rssOf(child.pid!) - rssBefore).toBeLessThan(20 * 1024 * 1024);
    expect(await dropped('packet-too-large')).toBe(before + 12);
  });

  it('keeps serving HTTP and MQTT CONNECTs afterwards', async () => {
    const raw = await openRawSocket(mqttPort);
    const received: Buffer[] = [];
    raw.socket.on('data', (chunk: Buffer) => received.push(chunk));

    const health = await fetch(`${http}/health`);
    raw.socket.write(Buffer.from([0x10, 0x0c, 0x00, 0x04, ...Buffer.from('MQTT'), 0x04, 0x02, 0x00, 0x3c, 0x00, 0x00]));

    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', site: 'demo' });
    // An anonymous CONNECT is answered with CONNACK "not authorized", not dropped on the floor.
    await expect.poll(() => [...Buffer.concat(received)]).toEqual([0x20, 0x02, 0x00, 0x05]);
    raw.socket.destroy();
  });
});
