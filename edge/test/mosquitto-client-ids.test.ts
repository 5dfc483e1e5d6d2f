import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { brokerFiles } from '../src/devices/broker-files.ts';
import type { DemoCredentials } from '../src/seed/demo-credentials.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { gatewayUser, mosquittoBinary, mosquittoTitle, type RunningMosquitto, seedDemoSite, startMosquitto } from './support/mosquitto.ts';

let dir: string;
let creds: DemoCredentials;
let mosquitto: RunningMosquitto | undefined;
const clients: MqttClient[] = [];

async function connect(options: IClientOptions): Promise<MqttClient> {
  const client = await connectAsync(mosquitto!.url, { reconnectPeriod: 0, connectTimeout: 3_000, ...options });
  clients.push(client);
  return client;
}

/** 'open' if the client is still connected after `ms`, else 'closed'. */
function stillOpenAfter(client: MqttClient, ms: number): Promise<'open' | 'closed'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(client.connected ? 'open' : 'closed'), ms);
    client.once('close', () => { clearTimeout(timer); resolve('closed'); });
  });
}

describe.skipIf(!mosquittoBinary)(mosquittoTitle('client ids on an external Mosquitto with the generated mosquitto.conf'), () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorside-client-ids-'));
    creds = await seedDemoSite(dir);
    const store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
    const files = brokerFiles(store, gatewayUser());
    store.close();
    mosquitto = await startMosquitto(files);
  });
  afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.endAsync(true))); });
  afterAll(async () => {
    await mosquitto?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not let one device's credentials take another device's client id and kick it", async () => {
    const [a, b] = creds.devices;
    const deviceB = await connect({ username: b!.username, password: b!.password, clientId: b!.id });

    const watching = stillOpenAfter(deviceB, 1_000);
    await connect({ username: a!.username, password: a!.password, clientId: b!.id });

    expect(await watching).toBe('open');
  });

  it('still lets a device reconnect and take over its own session', async () => {
    const [a] = creds.devices;
    const first = await connect({ username: a!.username, password: a!.password, clientId: a!.id });

    const watching = stillOpenAfter(first, 1_000);
    await connect({ username: a!.username, password: a!.password, clientId: a!.id });

    expect(await watching).toBe('closed');
  });
});
