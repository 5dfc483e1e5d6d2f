import { beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import type { Central } from '../src/central/server.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { backends, call, centralHarness, signIn } from './support/central-harness.ts';
import { gatewayLog, workedTickets } from './support/gateway-log.ts';

/** One real gateway's log, worked once for the whole file; each test ships it to a fresh central server. */
let demoLog: ShippedEvent[] = [];
let worked: { approved: string; rejected: string; open: string };
beforeAll(async () => {
  const gw = await startTestGateway();
  try {
    worked = await workedTickets(gw);
    demoLog = gatewayLog(gw);
  } finally {
    await gw.stop();
  }
}, 60_000);

const PASSWORD = 'a long enough password';

describe.each(backends)('the head-office API ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  let central: Central;
  let demoKey: string;
  let northKey: string;

  const setup = async () => {
    central = await harness.start();
    demoKey = (await central.addSite('demo', 'Demo Office')).siteKey;
    northKey = (await central.addSite('north', 'North Tower')).siteKey;
    await central.addUser('olga', PASSWORD, 'head_office');
    await central.addUser('mia', PASSWORD, 'site_manager', ['demo']);
    const shipped = await call(central, 'POST', '/api/sites/demo/events', { key: demoKey, body: { after: 0, events: demoLog, head: headOf(demoLog) } });
    if (shipped.status !== 200) throw new Error(JSON.stringify(shipped.body));
  };

  it.skipIf(skip)('signs a user in with a session cookie, and out again', async () => {
    await setup();
    const cookie = await signIn(central, 'olga', PASSWORD);

    const during = await call(central, 'GET', '/api/auth/session', { cookie });
    await call(central, 'POST', '/api/auth/logout', { cookie });
    const after = await call(central, 'GET', '/api/auth/session', { cookie });

    expect(during.body).toEqual(expect.objectContaining({ user: 'olga', role: 'head_office', sites: null }));
    expect(after.status).toBe(401);
  });

  it.skipIf(skip)('refuses a wrong password with 401 and sets no cookie', async () => {
    await setup();

    const answer = await call(central, 'POST', '/api/auth/login', { body: { username: 'olga', password: 'not it' } });

    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('BAD_CREDENTIALS');
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it.skipIf(skip)('refuses every view without a session, and a site key is no session', async () => {
    await setup();
    const paths = ['/api/sites', '/api/tickets', '/api/kpis', '/api/alerts', '/api/sites/demo/events'];

    const anonymous = await Promise.all(paths.map((p) => call(central, 'GET', p)));
    const withKey = await Promise.all(paths.map((p) => call(central, 'GET', p, { key: demoKey })));

    expect([...anonymous, ...withKey].map((a) => a.status)).toEqual(Array(10).fill(401));
  });

  it.skipIf(skip)('shows head office every site with its cursor, lag, alerts and device health', async () => {
    await setup();
    const north = buildChain('north', 10);
    await call(central, 'POST', '/api/sites/north/events', { key: northKey, body: batchOf(north, 0, 6, headOf(north)) });
    const cookie = await signIn(central, 'olga', PASSWORD);

    const { body } = await call(central, 'GET', '/api/sites', { cookie });

    expect(body.sites.map((s: { site: string }) => s.site)).toEqual(['demo', 'north']);
    const [demo, northView] = body.sites;
    expect(demo.cursor).toEqual(headOf(demoLog));
    expect(demo.devices).toEqual({ total: 30, online: 0, revoked: 0, offline: 30, openAlerts: 0 });
    expect(northView.lag).toEqual(expect.objectContaining({ events: 4, secondsSinceBatch: expect.any(Number) }));
    expect(northView.alerts).toBe(0);
  });

  it.skipIf(skip)('shows a site manager only the granted site and answers 403 for another', async () => {
    await setup();
    const cookie = await signIn(central, 'mia', PASSWORD);

    const sites = await call(central, 'GET', '/api/sites', { cookie });
    const refused = await Promise.all([
      call(central, 'GET', '/api/sites/north/events', { cookie }),
      call(central, 'GET', '/api/tickets?site=north', { cookie }),
      call(central, 'GET', '/api/kpis?site=north', { cookie }),
      call(central, 'GET', '/api/alerts?site=north', { cookie }),
      call(central, 'POST', '/api/sites/north/commands', { cookie, body: { type: 'reassign', ticket: 'T-1', assignee: null } }),
    ]);

    expect(sites.body.sites.map((s: { site: string }) => s.site)).toEqual(['demo']);
    expect(refused.map((r) => [r.status, r.body.error])).toEqual(Array(5).fill([403, 'SITE_NOT_GRANTED']));
  });

  it.skipIf(skip)('lists the tickets of a real gateway, filtered by status, room, team and priority', async () => {
    await setup();
    const cookie = await signIn(central, 'mia', PASSWORD);

    const all = (await call(central, 'GET', '/api/tickets', { cookie })).body.tickets;
    const verified = (await call(central, 'GET', '/api/tickets?status=verified', { cookie })).body.tickets;
    const inRoom = (await call(central, 'GET', '/api/tickets?room=r103&team=maintenance', { cookie })).body.tickets;
    const urgent = (await call(central, 'GET', '/api/tickets?site=demo&priority=urgent', { cookie })).body.tickets;

    expect(all.map((t: { id: string }) => t.id).sort()).toEqual(expect.arrayContaining([worked.approved, worked.rejected, worked.open]));
    expect(verified).toEqual([expect.objectContaining({ site: 'demo', id: worked.approved, room: 'r101', rating: 4, resolvedAt: expect.any(String) })]);
    expect(inRoom.map((t: { id: string }) => t.id)).toEqual([worked.open]);
    expect(urgent.every((t: { priority: string }) => t.priority === 'urgent')).toBe(true);
    expect(urgent.length).toBeGreaterThan(0);
  });

  it.skipIf(skip)('answers 400 to a ticket filter outside the contract', async () => {
    await setup();
    const cookie = await signIn(central, 'olga', PASSWORD);

    const answer = await call(central, 'GET', '/api/tickets?status=lost', { cookie });

    expect(answer.status).toBe(400);
  });

  it.skipIf(skip)('computes each site\'s KPIs from its projected tickets', async () => {
    await setup();
    const cookie = await signIn(central, 'olga', PASSWORD);

    const { body } = await call(central, 'GET', '/api/kpis?site=demo', { cookie });

    const [demo] = body.sites;
    expect(demo).toEqual(expect.objectContaining({ site: 'demo', resolved: 1, rejectionRate: 0.5, averageRating: 4, ratings: 1 }));
    expect(demo.openTotal).toBeGreaterThanOrEqual(3);
    expect(demo.open.rejected).toBe(1);
    expect(demo.meanMinutesToResolve).toEqual(expect.any(Number));
  });

  it.skipIf(skip)('searches a site\'s audit trail by type, entity and actor, newest first, and pages on', async () => {
    await setup();
    const cookie = await signIn(central, 'olga', PASSWORD);

    const rejections = (await call(central, 'GET', '/api/sites/demo/events?type=ticket-rejected', { cookie })).body;
    const trail = (await call(central, 'GET', `/api/sites/demo/events?entity=ticket:${worked.approved}`, { cookie })).body.events;
    const bySofia = (await call(central, 'GET', '/api/sites/demo/events?actor=user:sofia&limit=2', { cookie })).body.events;
    const firstPage = (await call(central, 'GET', '/api/sites/demo/events?after=0&limit=5', { cookie })).body.events;

    expect(rejections.events).toEqual([expect.objectContaining({ type: 'ticket-rejected', entity: `ticket:${worked.rejected}` })]);
    expect(rejections.cursor).toEqual(headOf(demoLog));
    expect(trail.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ticket-opened', 'ticket-approved', 'ticket-rated']));
    expect(trail[0].seq).toBeGreaterThan(trail[trail.length - 1].seq);
    expect(bySofia).toHaveLength(2);
    expect(bySofia.every((e: { actor: string }) => e.actor === 'user:sofia')).toBe(true);
    expect(firstPage.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(typeof firstPage[0].state).toBe('object');
  });

  it.skipIf(skip)('shows what the agent reported about its lag', async () => {
    await setup();
    const cookie = await signIn(central, 'olga', PASSWORD);
    // A report made at the central copy's cursor: one made before a later batch would show a lag that batch cleared.
    const cursor = (await call(central, 'GET', '/api/sites', { cookie })).body.sites[0].cursor.seq as number;
    const status = { lastSyncAt: '2026-11-23T08:00:00.000Z', lastAttemptAt: '2026-11-23T08:00:05.000Z', centralCursor: cursor, gatewayHead: 140, lagEvents: 140 - cursor, lagSeconds: 12.5, linkUp: true, lastError: null };

    const posted = await call(central, 'POST', '/api/sites/demo/status', { key: demoKey, body: status });
    const refused = await call(central, 'POST', '/api/sites/demo/status', { key: demoKey, body: { ...status, lagEvents: -1 } });
    const demo = (await call(central, 'GET', '/api/sites', { cookie })).body.sites[0];

    expect([posted.status, refused.status]).toEqual([200, 400]);
    expect(demo.lag.agent).toEqual(status);
  });

  it.skipIf(skip)('lists alerts across sites for head office', async () => {
    await setup();
    const forged = demoLog.map((e) => (e.seq === demoLog.length ? { ...e, actor: 'user:mallory' } : e));
    await call(central, 'POST', '/api/sites/demo/events', { key: demoKey, body: { after: demoLog.length - 1, events: forged.slice(-1), head: headOf(forged) } });
    const cookie = await signIn(central, 'olga', PASSWORD);

    const { body } = await call(central, 'GET', '/api/alerts', { cookie });

    expect(body.alerts).toEqual([expect.objectContaining({ site: 'demo', kind: 'chain-broken', seq: demoLog.length, repeats: 1 })]);
  });

  it.skipIf(skip)('serves health and Prometheus metrics with events ingested per site', async () => {
    await setup();

    const health = await call(central, 'GET', '/health');
    const metrics = await call(central, 'GET', '/metrics');

    expect(health.body).toEqual({ status: 'ok', backend: name });
    expect(metrics.body).toContain(`doorside_central_events_ingested_total{site="demo"} ${demoLog.length}`);
    expect(metrics.body).toContain('doorside_central_ingest_duration_seconds_count 1');
  });
});

