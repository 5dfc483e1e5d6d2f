import { afterEach, expect, it } from 'vitest';
import { call, signIn } from './support/central-harness.ts';
import { killAll, spawnAgent } from './support/processes.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

const REPORT_MS = 200;
let rig: Rig | undefined;
afterEach(async () => {
  await killAll();
  await rig?.stop();
}, 60_000);

async function demoLine(r: Rig, cookie: string) {
  const { body } = await call(r.central!, 'GET', '/api/sites', { cookie });
  return body.sites.find((s: { site: string }) => s.site === 'demo');
}
async function linkMetric(r: Rig): Promise<string | undefined> {
  const text = await (await fetch(`${r.central!.url}/metrics`)).text();
  return /^doorside_sync_link_up\{site="demo"\} (\d)$/m.exec(text)?.[1];
}
async function gatewayMetric(r: Rig): Promise<string | undefined> {
  const text = String((await r.gw.call('GET', '/metrics')).body);
  return /^doorside_sync_link_up(?:\{[^}]*\})? (\d)$/m.exec(text)?.[1];
}
async function gatewayStatus(r: Rig) {
  return (await r.gw.call('GET', '/api/sync/status', { cookie: await r.gw.login('hanna') })).body;
}

it('judges a SIGKILLed agent dead within three report intervals and alive again on its next report', async () => {
  rig = await startRig();
  await rig.central!.addUser('olga', 'a-long-enough-password', 'head_office');
  const cookie = await signIn(rig.central!, 'olga', 'a-long-enough-password');
  const setup = {
    gatewayUrl: rig.gw.http, bridgeKey: rig.gw.creds.bridge!.key, centralUrl: rig.central!.url, siteKey: rig.siteKey,
    extra: { DOORSIDE_SYNC_REPORT_MS: String(REPORT_MS), DOORSIDE_LOG: 'false' },
  };
  const first = spawnAgent(setup, 'agent-1');
  await until('the link is up', async () => (await demoLine(rig!, cookie))?.link?.up === true, 30_000);
  expect(await linkMetric(rig)).toBe('1');
  expect((await demoLine(rig, cookie)).link.reportEveryMs).toBe(REPORT_MS);
  expect(await gatewayMetric(rig)).toBe('1');
  expect(await gatewayStatus(rig)).toMatchObject({ agentAlive: true, status: { linkUp: true, reportEveryMs: REPORT_MS } });

  await first.kill('SIGKILL');
  const killedAt = Date.now();
  await until('the link is judged down', async () => (await demoLine(rig!, cookie)).link.up === false, 5_000, 20);
  // Three intervals from the last report; slack for a busy machine.
  expect(Date.now() - killedAt).toBeLessThan(3 * REPORT_MS + 1_000);
  const down = await demoLine(rig, cookie);
  expect(down.link.lastSeenAt).toEqual(expect.any(String));
  expect(down.lag.agent.linkUp).toBe(false);
  expect(await linkMetric(rig)).toBe('0');
  // The gateway judges the same way from the reports it no longer gets.
  await until('the gateway says the link is down', async () => (await gatewayMetric(rig!)) === '0', 5_000, 20);
  expect(await gatewayStatus(rig)).toMatchObject({ agentAlive: false, status: { linkUp: false } });

  spawnAgent(setup, 'agent-2');
  await until('the link is up again', async () => (await demoLine(rig!, cookie)).link.up === true, 30_000);
  expect(await linkMetric(rig)).toBe('1');
  await until('the gateway says the link is up again', async () => (await gatewayMetric(rig!)) === '1', 10_000);
}, 90_000);
