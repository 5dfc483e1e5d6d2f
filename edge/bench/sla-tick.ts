import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { BenchTickets } from './bench-tickets.ts';
import { batched, cast, demoRoomIds, prepareDone, userActor } from './fixtures.ts';
import type { LoadGen } from './loadgen-client.ts';
import { demoSigns } from './signs.ts';
import { int, ms, summarize, table } from './stats.ts';
import type { TapJob, TapResult } from './tap.ts';

/**
 * The escalation and schedule ticks on a big site: `openTickets` open tickets (their response
 * clocks running out a few at a time) and `schedules` hourly schedules, all due at once. Each
 * tick is timed alone, then tap-to-sign at `tapRate` runs first with nothing else, then while
 * the ticks run back to back.
 */
export interface SlaBenchConfig { openTickets: number; schedules: number; tapRate: number; tapSeconds: number; ticks: number }

const MINUTE = 60_000;
// Monday 08:00 UTC, the start of the demo site's working day.
const T0 = Date.parse('2026-12-07T08:00:00.000Z');

function describeTap(label: string, r: TapResult): string {
  return `  ${label}: ${int(r.received)}/${int(r.sent)} on the sign over ${r.seconds.toFixed(1)} s, p50 ${ms(r.toSign.p50)}, p99 ${ms(r.toSign.p99)}, max ${ms(r.toSign.max)}; http failed ${r.httpFailed} [${Object.entries(r.statuses).map(([code, n]) => `${code}:${int(n)}`).join(' ')}]`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Opens `count` supplies tasks (no room hold) over the rooms, one every `stepMs` of the clock, so their response clocks run out one after another. */
function openMany(gw: TestGateway, clock: { ms: number }, count: number, stepMs: number): void {
  const tickets = new BenchTickets(gw.commands);
  const sofia = userActor(gw.store, 'sofia');
  for (let made = 0; made < count;) {
    batched(gw.store, () => {
      for (let k = 0; k < 1000 && made < count; k++, made++) {
        clock.ms = T0 + made * stepMs;
        tickets.create(sofia, { kind: 'task', category: 'supplies', room: demoRoomIds[made % demoRoomIds.length]!, priority: 'normal', description: `Bench supplies ${made}` });
      }
    });
  }
}

export async function slaTickBench(load: LoadGen, config: SlaBenchConfig) {
  const clock = { ms: T0 };
  const gw = await startTestGateway({ clock: () => new Date(clock.ms).toISOString(), escalationTicks: false, scheduleTicks: false });
  try {
    const hanna = userActor(gw.store, 'hanna');
    // Every open ticket answers within 60 working minutes; 100,000 opened 36 ms apart run out over the hour after the first.
    const stepMs = Math.floor(60 * MINUTE / config.openTickets);
    gw.commands.run(hanna, { site: true }, { type: 'set-sla-targets', targets: { targets: ['low', 'normal', 'high', 'urgent'].map((priority) => ({ category: 'supplies', priority: priority as 'normal', responseMinutes: 60, resolutionMinutes: 480 })), pausing: ['tenant', 'vendor', 'visit'] } });
    let t = performance.now();
    openMany(gw, clock, config.openTickets, stepMs);
    console.log(`  (untimed: ${int(config.openTickets)} open supplies tasks, ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    t = performance.now();
    batched(gw.store, () => {
      for (let i = 0; i < config.schedules; i++) {
        gw.commands.run(hanna, { directory: true }, { type: 'create-schedule', schedule: {
          title: `Bench round ${i}`, place: { kind: 'room', room: demoRoomIds[i % demoRoomIds.length]! }, rrule: 'FREQ=HOURLY', start: '2026-12-07T09:00', timeZone: 'UTC', category: 'supplies',
        } });
      }
    });
    console.log(`  (untimed: ${int(config.schedules)} hourly schedules, ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const done = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, config.tapRate * config.tapSeconds * 2);
    const watched = gw.store.slaEscalations.counts(clock.ms);

    // Nothing due: the clock just before the first response runs out.
    clock.ms = T0 + 60 * MINUTE - 1;
    const idleEscalation = await timed(() => gw.escalations.tick());
    const idleGenerator = await timed(() => gw.schedules.tick());
    // Every schedule due (09:00), and escalations of the clocks run out in the first ten minutes.
    clock.ms = T0 + 70 * MINUTE;
    const dueNow = gw.store.slaEscalations.counts(clock.ms).due;
    const generator = await timed(() => gw.schedules.tick());
    const escalations: { ms: number; escalated: number }[] = [];
    for (let i = 0; i < config.ticks; i++) {
      const tick = await timed(() => gw.escalations.tick());
      escalations.push({ ms: tick.ms, escalated: tick.value.escalated });
    }
    const perTick = summarize(escalations.map((e) => e.ms));
    const escalated = escalations.reduce((n, e) => n + e.escalated, 0);

    console.log(table(['tick', 'work', 'time'], [
      ['escalation, nothing due', `${int(watched.watched)} tickets watched`, ms(idleEscalation.ms)],
      ['schedules, nothing due', `${int(config.schedules)} schedules`, ms(idleGenerator.ms)],
      ['schedules, all due', `${int(generator.value.made.length)} tickets made`, ms(generator.ms)],
      [`escalation, ${config.ticks} full ticks`, `${int(escalated)} of ${int(dueNow)} due escalated`, `p50 ${ms(perTick.p50)}, max ${ms(perTick.max)} (${ms(perTick.mean / Math.max(1, escalated / config.ticks), 2)} per breach)`],
    ]));

    const cookie = await gw.login('fiona');
    const tapJob = (slice: typeof done, stopId?: string): TapJob => ({
      kind: 'tap', base: gw.http, mqtt: gw.mqtt, signs: demoSigns(gw, demoRoomIds), matchField: 'ticket', rate: config.tapRate, drainMs: 5_000,
      requests: slice.map((d) => ({ key: d.id, path: `/api/tickets/${d.id}/reject` })),
      headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ reason: 'Not cleaned' }),
      ...(stopId ? { stopId } : {}),
    });
    const half = Math.floor(done.length / 2);
    const tapAlone = await load.run(tapJob(done.slice(0, half)));
    console.log(describeTap(`tap-to-sign at ${config.tapRate}/s, no ticks`, tapAlone));

    let tapping = true;
    const tapDone = load.run(tapJob(done.slice(half))).finally(() => { tapping = false; });
    const during: number[] = [];
    let round = 0;
    while (tapping) {
      clock.ms += MINUTE; // a minute of the site's clock per round: more clocks run out, the next hour's schedules come due
      round++;
      during.push((await timed(() => gw.escalations.tick())).ms, (await timed(() => gw.schedules.tick())).ms);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const tapDuring = await tapDone;
    console.log(describeTap(`tap-to-sign at ${config.tapRate}/s while the ticks run back to back (${round} rounds)`, tapDuring));
    const ticks = summarize(during);
    console.log(`    ticks during the tap: ${int(during.length)}, p50 ${ms(ticks.p50)}, max ${ms(ticks.max)}`);
    const verify = gw.store.log.verify();
    console.log(`  event chain verifies: ${verify.ok} (${int(verify.checked)} events)`);
    return { idleEscalation: idleEscalation.ms, idleGenerator: idleGenerator.ms, generator: generator.ms, made: generator.value.made.length, perTick, escalated, tapAlone, tapDuring };
  } finally {
    await gw.stop();
  }
}
