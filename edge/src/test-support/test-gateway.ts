import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import type { GatewayBroker } from '../broker/broker.aedes.ts';
import { type Gateway, type GatewayOptions, startGateway } from '../gateway.ts';
import type { DemoCredentials } from '../seed/demo-credentials.ts';
import { placeSimulatedKey } from '../payments/provider-setup.ts';

export interface TestGateway extends Omit<Gateway, 'broker'> {
  /** Tests run the embedded broker. */
  broker: GatewayBroker;
  dir: string;
  creds: DemoCredentials;
  /** Signs a demo user in and returns the session cookie. */
  login(username: string): Promise<string>;
  panelLogin(room: string): Promise<string>;
  call(method: string, path: string, options?: { body?: unknown; cookie?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  device(id: string): Promise<MqttClient>;
  stop(): Promise<void>;
}

/** The simulated payment provider's key pair, made once per test process (an RSA key takes a fifth of a second). */
let providerKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/**
 * Every new site a test process starts signs simulated payments with the same key, placed
 * where the gateway would make its own; a check that needs sites with keys of their own gives
 * each its `dataDir`.
 */
function placeProviderKey(dir: string): void {
  providerKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  placeSimulatedKey(dir, providerKey);
}

/** A whole gateway on free ports with a fresh demo site in a temp dir; `stop` removes it all. */
export async function startTestGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const fresh = options.dataDir === undefined;
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'doorside-'));
  if (fresh) placeProviderKey(dir);
  const generous = { perBrowser: { max: 10_000, windowMs: 60_000 }, perQrCode: { max: 10_000, windowMs: 60_000 } };
  // A throwaway site: its made-up secrets are hashed lightly (a test that checks the standard hashing asks for it).
  const gateway = await startGateway({ site: 'demo', host: '127.0.0.1', httpPort: 0, mqttPort: 0, reportLimits: generous, demoSecretCost: 'light', ...options, dataDir: dir });
  const creds = gateway.credentials!;
  const clients: MqttClient[] = [];

  const call: TestGateway['call'] = async (method, path, { body: given, cookie, headers = {} } = {}) => {
    // As the pages and the command-line tools do: a change with nothing to say sends {}.
    const body = given === undefined && method !== 'GET' && method !== 'HEAD' ? {} : given;
    const response = await fetch(`${gateway.http}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const cookieFrom = (headers: Headers) => headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  return {
    ...gateway,
    broker: gateway.broker!,
    dir,
    creds,
    call,
    async login(username) {
      const user = creds.users.find((u) => u.username === username)!;
      const res = await call('POST', '/api/auth/login', { body: { username, password: user.password } });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return cookieFrom(res.headers);
    },
    async panelLogin(room) {
      const panel = creds.panels.find((p) => p.room === room)!;
      const res = await call('POST', '/api/auth/panel', { body: { room, pin: panel.pin } });
      if (res.status !== 200) throw new Error(`panel ${room}: ${res.status} ${JSON.stringify(res.body)}`);
      return cookieFrom(res.headers);
    },
    async device(id) {
      const device = creds.devices.find((d) => d.id === id)!;
      const client = await connectAsync(gateway.mqtt, { username: device.username, password: device.password, clientId: id, reconnectPeriod: 0 });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.endAsync(true)));
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
