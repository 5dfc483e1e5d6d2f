import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../edge/src/rights/actor.ts';
import { inbox } from '../../edge/src/test-support/mqtt-inbox.ts';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { createDatabase, hasPostgres, startPostgres, type TestPostgres } from './support/postgres.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

const OFFLINE_EVENTS = 10_000;

/** Real domain commands, straight through the gateway's ticket service in group commits: each opens one ticket, one chained event. */
async function produceEvents(gw: TestGateway, count: number): Promise<void> {
  const actor: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };
  const rooms = gw.creds.rooms.map((r) => r.id);
  for (let done = 0; done < count;) {
    const chunk = Math.min(1000, count - done);
    await Promise.all(Array.from({ length: chunk }, (_, i) => gw.commands.handle(actor, { room: rooms[(done + i) % rooms.length]! }, {
      type: 'open-ticket', kind: 'task', category: 'supplies', description: `Restock ${done + i}`, priority: 'normal',
    })));
    done += chunk;
  }
}

describe.each([
  { backend: 'sqlite', skip: false },
  { backend: 'postgres', skip: !hasPostgres },
])('the site with the cloud link down (central server on $backend)', ({ backend, skip }) => {
  let cluster: TestPostgres | undefined;
  let rig: Rig;
  beforeAll(async () => {
    if (!skip && backend === 'postgres') cluster = await startPostgres();
  }, 90_000);
  afterAll(async () => { await cluster?.stop(); }, 60_000);
  afterEach(async () => { await rig?.stop(); });

  it.skipIf(skip)('keeps working without the central server and ships all 10,000 events once, in order, when it returns', async () => {
    rig = await startRig(cluster ? { databaseUrl: await createDatabase(cluster.url) } : {});
    rig.startAgent({ backoffMaxMs: 2000 });
    await rig.inSync();
    const startHead = rig.gatewayHead().seq;

    await rig.stopCentral();
    await until('the agent notices the link is down', () => rig.agent!.status.linkUp === false);
    await produceEvents(rig.gw, OFFLINE_EVENTS);

    // The site keeps working: HTTP answers, a staff action goes through, and a sign hears of it over MQTT.
    expect(rig.gatewayHead().seq).toBe(startHead + OFFLINE_EVENTS);
    const hanna = await rig.gw.login('hanna');
    const sign = await rig.gw.device('sign-r105');
    const signInbox = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r105/status', { qos: 1 });
    const closed = await rig.gw.call('POST', '/api/rooms/r105/status', { cookie: hanna, body: { status: 'do_not_use', reason: 'Burst pipe' } });
    expect(closed.status).toBe(200);
    expect(JSON.parse((await signInbox.next((m) => JSON.parse(m.payload).status === 'do_not_use')).payload)).toMatchObject({ reason: 'Burst pipe' });
    expect((await rig.gw.call('GET', '/health')).status).toBe(200);
    const unsent = rig.gatewayHead().seq - startHead;
    expect(unsent).toBeGreaterThan(OFFLINE_EVENTS);
    const offline = await rig.gw.call('GET', '/api/sync/status', { cookie: hanna });
    expect(offline.body.status).toMatchObject({ linkUp: false, lagEvents: unsent, lastError: expect.stringContaining('central unreachable') });
    expect(offline.body.status.lagSeconds).toBeGreaterThan(0);
    const metrics = await (await fetch(`${rig.gw.http}/metrics`)).text();
    expect(metrics).toMatch(/^doorside_sync_link_up\{site="demo"\} 0$/m);
    expect(metrics).toMatch(new RegExp(`^doorside_sync_lag_events\\{site="demo"\\} ${unsent}$`, 'm'));

    await rig.restartCentral();
    await rig.inSync(120_000);

    const head = rig.gatewayHead();
    expect(await rig.central!.eventCount('demo')).toBe(head.seq);
    expect(await rig.central!.siteCursor('demo')).toEqual(head);
    const central = await rig.centralEvents();
    expect(central.map((e) => e.seq)).toEqual(Array.from({ length: head.seq }, (_, i) => i + 1));
    expect(central.map((e) => e.hash)).toEqual(rig.gatewayEvents().map((e) => e.hash));
    expect(await rig.central!.alerts('demo')).toEqual([]);
    await until('the dashboard shows the link back up', async () => {
      const view = await rig.gw.call('GET', '/api/sync/status', { cookie: hanna });
      return view.body.status.linkUp === true && view.body.status.lagEvents === 0 && view.body.status.lastError === null;
    });
  }, 240_000);
});
