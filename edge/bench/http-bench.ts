import { BenchTickets } from './bench-tickets.ts';
import type { TestGateway } from '../src/test-support/test-gateway.ts';
import { type BareServer, rawCommitRate } from './bare-server.ts';
import type { CannonJob, CannonResult, CannonScenario } from './cannon.ts';
import { cast, clearBacklog, demoRoomIds, openPerRoom, prepareCommentTargets } from './fixtures.ts';
import type { LoadGen } from './loadgen-client.ts';
import { demoSigns } from './signs.ts';
import { int, ms } from './stats.ts';

export interface HttpRun extends CannonResult { route: string; events: number; serverCpu: number; diskNow: number; seconds: number }
export interface HttpBenchResult {
  comment: HttpRun[];
  bare: HttpRun[];
  lifecycle: HttpRun[];
  targets: number;
  openTargets: number;
  /** The comment job again, for the diagnostics section. */
  commentJob: (conns: number, durationS: number) => CannonJob;
}

export function describeRun(label: string, r: HttpRun): string {
  const codes = Object.entries(r.statusCodes).map(([code, n]) => `${code}:${int(n)}`).join(' ');
  return `  ${label}, ${r.connections} conns: ${int(r.perSecond)} req/s, p50 ${ms(r.p50, 1)}, p99 ${ms(r.p99, 1)}, max ${ms(r.max, 0)}, ` +
    `non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts} [${codes}]; CPU server ${int(r.serverCpu * 100)}% client ${int(r.clientCpu * 100)}%; ` +
    `${r.events ? `${int(r.events)} events, ` : ''}${int(r.mqttReceived)} MQTT messages received`;
}

/** Runs one closed-loop job and notes the server process's CPU share (servers live in this process). */
export async function measured(load: LoadGen, job: CannonJob, route: string, events: () => number): Promise<HttpRun> {
  const diskNow = rawCommitRate(300).perSecond;
  const before = events();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await load.run(job);
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
  const run = { ...result, route, events: events() - before, serverCpu, diskNow, seconds: job.durationS };
  console.log(`${describeRun(route, run)} (disk just before: ${int(diskNow)} commits/s)`);
  return run;
}

/**
 * Two halves of one measurement as one: rates and counts add up; p50 is the request-weighted
 * mean of the halves' p50 and p99 the worse half's (autocannon gives percentiles, not samples).
 */
export function combine(halves: HttpRun[]): HttpRun {
  const sum = (f: (r: HttpRun) => number) => halves.reduce((s, r) => s + f(r), 0);
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  const statusCodes: Record<string, number> = {};
  for (const r of halves) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    ...halves[0]!,
    requests, seconds, statusCodes,
    perSecond: requests / seconds,
    p50: sum((r) => r.p50 * r.requests) / requests,
    p99: Math.max(...halves.map((r) => r.p99)),
    max: Math.max(...halves.map((r) => r.max)),
    non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts),
    events: sum((r) => r.events), mqttReceived: sum((r) => r.mqttReceived),
    serverCpu: sum((r) => r.serverCpu * r.seconds) / seconds,
    clientCpu: sum((r) => r.clientCpu * r.seconds) / seconds,
    diskNow: sum((r) => r.diskNow) / halves.length,
  };
}

/**
 * Sections 2 and 4a: ticket commands over HTTP with a session cookie, closed loop
 * (autocannon), interleaved with the bare pipeline at the same connection count as
 * gateway/bare/bare/gateway halves (the disk's fsync time drifts, so the ratio compares neighbours).
 * The 15 signs stay subscribed to the gateway throughout, as in a building.
 */
export async function httpBench(gw: TestGateway, bare: BareServer, load: LoadGen, connections: number[], durationS: number): Promise<HttpBenchResult> {
  const c = cast(gw.store);
  const openTargets = demoRoomIds.length * 3;
  const targets = prepareCommentTargets(gw.store, new BenchTickets(gw.commands), c, demoRoomIds, 1_500, 3);
  const keep = new Set(targets.slice(0, openTargets));
  console.log(`  prepared ${int(targets.length)} comment targets (${openTargets} open, 3 per room, the rest verified); open per room: max ${openPerRoom(gw.store).max}`);
  const cookies = { sofia: await gw.login('sofia'), ana: await gw.login('ana'), ben: await gw.login('ben'), fiona: await gw.login('fiona') };
  const mqtt = { url: gw.mqtt, signs: demoSigns(gw, demoRoomIds) };
  const gwEvents = () => gw.store.log.head.seq;
  const job = (scenario: CannonScenario, conns: number, seconds = durationS): CannonJob => ({ kind: 'cannon', scenario, connections: conns, durationS: seconds, mqtt });
  const half = durationS / 2;
  const bareJob = (conns: number): CannonJob => ({
    kind: 'cannon', scenario: { name: 'bare', base: bare.http }, connections: conns, durationS: half,
    mqtt: { url: bare.mqtt, signs: [{ topic: bare.topic, clientId: 'bare-sign' }] },
  });

  const comment: HttpRun[] = [];
  const barePaired: HttpRun[] = [];
  for (const conns of connections) {
    const gwRun = () => measured(load, job({ name: 'comment', base: gw.http, cookie: cookies.sofia, tickets: targets }, conns, half), 'gateway POST /api/tickets/:id/comment', gwEvents);
    const bareRun = () => measured(load, bareJob(conns), 'bare    POST /bare/:id', () => 0);
    // Gateway, bare, bare, gateway (half the time each): a drift in the disk's speed favours neither.
    const g1 = await gwRun();
    const b1 = await bareRun();
    const b2 = await bareRun();
    const g2 = await gwRun();
    comment.push(combine([g1, g2]));
    barePaired.push(combine([b1, b2]));
    console.log(`    -> ${conns} conns: gateway ${int(comment.at(-1)!.perSecond)} req/s, bare ${int(barePaired.at(-1)!.perSecond)} req/s, ` +
      `ratio ${(comment.at(-1)!.perSecond / barePaired.at(-1)!.perSecond).toFixed(2)}`);
  }
  const lifecycle: HttpRun[] = [];
  for (const conns of connections) {
    lifecycle.push(await measured(load, job({ name: 'lifecycle', base: gw.http, cookies, rooms: [...demoRoomIds] }, conns),
      'gateway lifecycle mix (create/assign/start/complete/approve)', gwEvents));
    const cleared = clearBacklog(gw.store, new BenchTickets(gw.commands), c, keep);
    console.log(`    (closed ${cleared} tickets left mid-cycle, untimed)`);
  }
  const commentJob = (conns: number, seconds: number): CannonJob =>
    ({ ...job({ name: 'comment', base: gw.http, cookie: cookies.sofia, tickets: targets }, conns), durationS: seconds });
  return { comment, bare: barePaired, lifecycle, targets: targets.length, openTargets, commentJob };
}
