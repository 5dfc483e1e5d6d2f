import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectAsync } from 'mqtt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import type { DemoCredentials } from '../src/seed/demo-credentials.ts';
import { inbox } from '../src/test-support/mqtt-inbox.ts';

// Each test starts gateway processes, and a start loads the whole gateway: on a busy machine that alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const main = join(import.meta.dirname, '..', 'src', 'main.ts');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listenOnFreePort(): Promise<net.Server> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
async function freePort(): Promise<number> {
  const server = await listenOnFreePort();
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
/** A port that stays taken until the test ends. */
async function takenPort(): Promise<number> {
  const server = await listenOnFreePort();
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return portOf(server);
}
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-start-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts `main.ts` as its own process; `running()` resolves on its banner, `exited` when it ends. */
function startMain(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOORSIDE_HOST: '127.0.0.1', DOORSIDE_LOG: 'false', DOORSIDE_SMTP_PORT: '0', ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => { out.stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { out.stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
  });
  const running = async () => {
    while (!out.stdout.includes('is running')) {
      if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}: ${out.stderr}`);
      await sleep(25);
    }
  };
  return { child, out, exited, running };
}

async function login(http: string, creds: DemoCredentials, username: string): Promise<string> {
  const password = creds.users.find((u) => u.username === username)!.password;
  const res = await fetch(`${http}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
async function post(http: string, path: string, cookie: string, body: unknown = {}) {
  const res = await fetch(`${http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() as Record<string, any> };
}
const health = async (http: string) => (await (await fetch(`${http}/health`)).json()) as { events: number };
const credentials = (dir: string) => JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
const secrets = ({ users, panels, devices, rooms }: DemoCredentials) => ({
  users, panels: panels.map((p) => [p.room, p.pin]), devices: devices.map((d) => [d.id, d.password]), rooms: rooms.map((r) => [r.id, r.qr]),
});

describe('starting the gateway as a process', () => {
  it.each([
    ['HTTP', 'DOORSIDE_HTTP_PORT', 'DOORSIDE_MQTT_PORT'],
    ['MQTT', 'DOORSIDE_MQTT_PORT', 'DOORSIDE_HTTP_PORT'],
  ])('prints one stderr line naming the variable and exits 1 when the %s port is taken', async (_name, taken, other) => {
    const port = await takenPort();

    const gateway = startMain({ DOORSIDE_DATA_DIR: tempDir(), [taken]: String(port), [other]: String(await freePort()) });

    expect(await gateway.exited).toBe(1);
    expect(gateway.out.stderr.trimEnd().split('\n')).toEqual([`doorside: port ${port} is already in use: set ${taken} to a free port`]);
    expect(gateway.out.stdout).not.toContain('is running');
  });

  it('exits 2 and lists every configuration problem before touching the data dir', async () => {
    const dir = join(tempDir(), 'not-yet');

    const gateway = startMain({ DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: 'abc', DOORSIDE_MQTT_PORT: '70000' });

    expect(await gateway.exited).toBe(2);
    expect(gateway.out.stderr).toContain('the configuration is not valid');
    expect(gateway.out.stderr).toMatch(/^ {2}DOORSIDE_HTTP_PORT: .+$/m);
    expect(gateway.out.stderr).toMatch(/^ {2}DOORSIDE_MQTT_PORT: .+$/m);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps tickets, credentials and the retained room status across a restart on the same data dir', async () => {
    const dir = tempDir();
    const first = { http: await freePort(), mqtt: await freePort() };
    const one = startMain({ DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: String(first.http), DOORSIDE_MQTT_PORT: String(first.mqtt) });
    await one.running();
    const http1 = `http://127.0.0.1:${first.http}`;
    const before = credentials(dir);
    await expect.poll(() => one.out.stdout).toContain('Press Ctrl+C to stop.');
    for (const page of [before.urls.dashboard, before.urls.staff, `${http1}/report/{room}`, `${http1}/panel/{room}`]) expect(one.out.stdout).toContain(page);
    const created = await post(http1, '/api/tickets', await login(http1, before, 'sofia'), { kind: 'task', category: 'cleaning', room: 'r101', description: 'Restock the coffee corner', assignee: 'ana' });
    const started = await post(http1, `/api/tickets/${created.body.id}/start`, await login(http1, before, 'ana'));
    expect(started.body.room).toMatchObject({ status: 'in_service', ticket: created.body.id });
    const eventsBefore = (await health(http1)).events;
    one.child.kill('SIGTERM');
    expect(await one.exited).toBe(0);
    const second = { http: await freePort(), mqtt: await freePort() };

    const two = startMain({ DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: String(second.http), DOORSIDE_MQTT_PORT: String(second.mqtt) });
    await two.running();

    const http2 = `http://127.0.0.1:${second.http}`;
    const after = credentials(dir);
    expect(two.out.stdout).toContain(join(dir, 'demo-credentials.json'));
    expect(secrets(after)).toEqual(secrets(before));
    expect(after.http).toBe(http2);
    expect((await health(http2)).events).toBe(eventsBefore);
    const ticket = await fetch(`${http2}/api/tickets/${created.body.id}`, { headers: { cookie: await login(http2, after, 'sofia') } });
    expect(await ticket.json()).toMatchObject({ id: created.body.id, status: 'in_progress', assignee: 'ana', room: 'r101' });
    const sign = after.devices.find((d) => d.id === 'sign-r101')!;
    const client = await connectAsync(after.mqtt, { username: sign.username, password: sign.password, clientId: 'sign-r101', reconnectPeriod: 0 });
    cleanups.push(() => client.endAsync(true));
    const received = inbox(client);
    await client.subscribeAsync(topics.roomStatus('demo', 'r101'), { qos: 1 });
    const status = await received.next((m) => m.topic === topics.roomStatus('demo', 'r101'));
    expect(status.retain).toBe(true);
    expect(JSON.parse(status.payload)).toMatchObject({ room: 'r101', status: 'in_service', ticket: created.body.id });
  });

  // The plain secrets exist only at seeding; they must reach the file even when that start fails.
  it('keeps the demo credentials when the first start on a new data dir fails on a taken port', async () => {
    const dir = tempDir();
    const failed = startMain({ DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: String(await takenPort()), DOORSIDE_MQTT_PORT: String(await freePort()) });
    expect(await failed.exited).toBe(1);

    const next = startMain({ DOORSIDE_DATA_DIR: dir, DOORSIDE_HTTP_PORT: String(await freePort()), DOORSIDE_MQTT_PORT: String(await freePort()) });
    await next.running();

    expect(next.out.stdout).toContain(join(dir, 'demo-credentials.json'));
    expect(credentials(dir).users.map((u) => u.username)).toContain('sofia');
  });
});
