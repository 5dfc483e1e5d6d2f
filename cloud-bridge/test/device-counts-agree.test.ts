import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countDevices } from '@doorside/edge/device-counts';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { StatusBoard } from '../src/agent/sync-status.ts';
import { BridgeEventsPage } from '@doorside/edge/contracts';
import { headOf } from './support/chain.ts';
import { backends, call, centralHarness, signIn } from './support/central-harness.ts';
import { gatewayLog } from './support/gateway-log.ts';

const PASSWORD = 'a long enough password';

describe.each(backends)('the device figures of the dashboard and of head office ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  let gw: TestGateway;

  beforeEach(async () => { if (!skip) gw = await startTestGateway(); }, 60_000);
  afterEach(async () => { await gw?.stop(); });

  it.skipIf(skip)('are the same numbers for one gateway state', async () => {
    const hanna = await gw.login('hanna');
    const sign = await gw.device('sign-r101');
    const revoked = await gw.call('POST', '/api/devices/sign-r102/revoke', { cookie: hanna });
    expect(revoked.status).toBe(200);
    const central = await harness.start();
    const demo = await central.addSite('demo', 'Demo Office');
    await central.addUser('olga', PASSWORD, 'head_office');
    const log = gatewayLog(gw);
    await call(central, 'POST', '/api/sites/demo/events', { key: demo.siteKey, body: { after: 0, events: log, head: headOf(log) } });

    // What the agent does each round: read a page of the log, then tell head office how it stands.
    const read = await fetch(`${gw.http}/api/bridge/events?after=${log.length}`, { headers: { authorization: `Bearer ${gw.creds.bridge!.key}` } });
    const page = BridgeEventsPage.parse(await read.json());
    const board = new StatusBoard(() => new Date());
    board.measured(headOf(log), page);
    board.synced(headOf(log));
    const uploaded = await call(central, 'POST', '/api/sites/demo/status', { key: demo.siteKey, body: board.current });
    const dashboard = countDevices((await gw.call('GET', '/api/devices', { cookie: hanna })).body.devices);
    const { body } = await call(central, 'GET', '/api/sites', { cookie: await signIn(central, 'olga', PASSWORD) });
    sign.end(true);

    expect(uploaded.status).toBeLessThan(300);
    expect(dashboard).toMatchObject({ online: 1, revoked: 1 });
    const { openAlerts: _, ...office } = body.sites.find((s: { site: string }) => s.site === 'demo').devices;
    expect(office).toEqual(dashboard);
  });
});
