import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { killAll, scripts, spawnTs } from './support/processes.ts';
import { until } from './support/sync-rig.ts';

const dirs: string[] = [];
afterEach(async () => {
  await killAll();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 60_000);

it('starts gateway, central server and agent with one command, syncs the site, and stops all three on Ctrl+C', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorside-demo-all-'));
  dirs.push(dataDir);
  const demo = spawnTs('start:all', scripts.demoAll, {
    DOORSIDE_DATA_DIR: dataDir, DOORSIDE_HTTP_PORT: '0', DOORSIDE_MQTT_PORT: '0', DOORSIDE_CENTRAL_PORT: '0', DOORSIDE_GPIO_CONFIG: 'off',
  });

  const [, gatewayUrl] = await demo.waitFor(/Gateway\s+(http:\/\/\S+)\s/, 90_000);
  const [, centralUrl] = await demo.waitFor(/Central\s+(http:\/\/\S+)\/central/);
  await demo.waitFor(/\[agent\]\s+\S+ in sync at seq \d+/, 60_000);
  const central = JSON.parse(readFileSync(join(dataDir, 'central', 'central-credentials.json'), 'utf8')) as { siteKey: string };
  const gateway = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { bridge: { key: string } };
  const headOf = async () => (await (await fetch(`${gatewayUrl}/api/bridge/events?after=0&limit=1`, { headers: { authorization: `Bearer ${gateway.bridge.key}` } })).json()).head;
  const cursorOf = async () => (await (await fetch(`${centralUrl}/api/sites/demo/cursor`, { headers: { authorization: `Bearer ${central.siteKey}` } })).json()).cursor;
  await until('the central copy reaches the gateway head', async () => JSON.stringify(await headOf()) === JSON.stringify(await cursorOf()), 30_000);
  // The demo's open work order opens for its vendor through the central server.
  const [, vendorLink] = await demo.waitFor(/Vendor link\s+(http:\/\/\S+)\s/);
  const opened = await fetch(vendorLink!, { redirect: 'manual' });
  expect(opened.status).toBe(303);
  const view = await fetch(`${centralUrl}/api/wo`, { headers: { cookie: opened.headers.getSetCookie()[0]!.split(';')[0]! } });
  expect(view.status).toBe(200);
  expect((await view.json()).workOrder.status).toBe('sent');

  demo.process.kill('SIGINT');
  const exit = await demo.exited;

  expect(exit).toEqual({ code: 0, signal: null });
  expect(demo.output()).toMatch(/\[gateway\] +Doorside gateway for site "demo" is running/);
  expect(demo.output()).toMatch(/\[central\] +Doorside central server is running/);
  await expect(fetch(`${gatewayUrl}/health`)).rejects.toThrow();
  await expect(fetch(`${centralUrl}/health`)).rejects.toThrow();
}, 180_000);
