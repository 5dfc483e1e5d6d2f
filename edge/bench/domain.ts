import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { BenchTickets } from './bench-tickets.ts';
import { CommandHandler } from '../src/commands/handler.ts';
import { siteCommandModules } from '../src/command-modules.ts';
import { batched, type Cast, cast, cleaner, demoRoomIds, doneTicket, openAssigned } from './fixtures.ts';
import { int, type LatencySummary, ms, summarize } from './stats.ts';

export interface DomainResult {
  commands: number;
  seconds: number;
  perSecond: number;
  events: number;
  latency: LatencySummary;
  mix: Record<string, number>;
  /** Mean time per command type, fsync included. */
  meanMsByType: Record<string, number>;
  backlog: { openInRoom: number; meanMs: number }[];
}

type Step = { type: string; run: () => void };

/**
 * One lane works one cleaning ticket after another in its room. Every third cycle
 * is rejected: the follow-up is cancelled and the cleaner redoes the job.
 */
function* lane(tickets: BenchTickets, c: Cast, room: string, laneNo: number): Generator<Step> {
  for (let cycle = 0; ; cycle++) {
    const who = cleaner(c, cycle + laneNo);
    let id = '';
    yield { type: 'create', run: () => { id = tickets.create(c.sofia, { kind: 'task', category: 'cleaning', room, priority: 'normal', description: `Round ${cycle}` }).id; } };
    yield { type: 'assign', run: () => tickets.act(c.sofia, id, { type: 'assign', assignee: who.user! }) };
    yield { type: 'start', run: () => tickets.act(who, id, { type: 'start' }) };
    yield { type: 'complete', run: () => tickets.act(who, id, { type: 'complete', note: 'Done' }) };
    if (cycle % 3 === 2) {
      let followUp = '';
      yield { type: 'reject', run: () => { followUp = tickets.act(c.fiona, id, { type: 'reject', reason: 'Not cleaned' }).triggered!.followUp!; } };
      yield { type: 'cancel', run: () => tickets.act(c.sofia, followUp, { type: 'cancel', reason: 'The cleaner redoes it' }) };
      yield { type: 'start', run: () => tickets.act(who, id, { type: 'start' }) };
      yield { type: 'complete', run: () => tickets.act(who, id, { type: 'complete', note: 'Redone' }) };
    }
    yield { type: 'approve', run: () => tickets.act(c.fiona, id, { type: 'approve' }) };
  }
}

/** Mean time of `n` comment commands while `room` has `backlog` other open tickets. */
function backlogProbe(store: SiteStore, tickets: BenchTickets, c: Cast, room: string, backlogs: number[], n: number) {
  const targets = batched(store, () => Array.from({ length: 50 }, (_, i) => {
    const id = doneTicket(tickets, c, room, i);
    tickets.act(c.fiona, id, { type: 'approve' });
    return id;
  }));
  let open = 0;
  return backlogs.map((backlog) => {
    batched(store, () => { for (; open < backlog; open++) doneTicket(tickets, c, room, open); });
    const t0 = performance.now();
    for (let i = 0; i < n; i++) tickets.act(c.sofia, targets[i % targets.length]!, { type: 'comment', text: `probe ${i}`, internal: true });
    return { openInRoom: backlog, meanMs: (performance.now() - t0) / n };
  });
}

export async function domainBench(commands: number, capSeconds = 180): Promise<DomainResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-domain-'));
  const clock = () => new Date().toISOString();
  const store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
  try {
    await seedDemo(store, clock());
    const tickets = new BenchTickets(new CommandHandler(store, clock, siteCommandModules));
    const c = cast(store);
    const lanes = demoRoomIds.flatMap((room, r) => [lane(tickets, c, room, 2 * r), lane(tickets, c, room, 2 * r + 1)]);
    // A short warm-up so JIT and statement caches are settled before the clock starts.
    batched(store, () => { for (let i = 0; i < 200; i++) openAssigned(tickets, c, demoRoomIds[i % 15]!, i); });
    const warm = store.db.prepare("SELECT id FROM tickets WHERE status = 'assigned'").all() as { id: string }[];
    batched(store, () => { for (const { id } of warm) tickets.act(c.sofia, id, { type: 'cancel', reason: 'warm-up' }); });

    const eventsBefore = store.log.head.seq;
    const samples = new Float64Array(commands);
    const mix: Record<string, number> = {};
    const spent: Record<string, number> = {};
    const t0 = performance.now();
    let lastReport = t0;
    let done = 0;
    for (let i = 0; i < commands; i++, done++) {
      if ((i & 255) === 0 && performance.now() - t0 > capSeconds * 1000) {
        console.log(`  stopped after ${capSeconds} s: the disk is too slow for ${int(commands)} commands in this run's time budget`);
        break;
      }
      const step = lanes[i % lanes.length]!.next().value as Step;
      const s = performance.now();
      step.run();
      samples[i] = performance.now() - s;
      mix[step.type] = (mix[step.type] ?? 0) + 1;
      spent[step.type] = (spent[step.type] ?? 0) + samples[i]!;
      if ((i + 1) % 10_000 === 0) {
        const now = performance.now();
        console.log(`  ${int(i + 1)} commands, last 10,000 at ${int(10_000 / ((now - lastReport) / 1000))}/s`);
        lastReport = now;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const events = store.log.head.seq - eventsBefore;
    const latency = summarize(Array.from(samples.subarray(0, done)));
    const perSecond = done / seconds;
    console.log(`  ${int(done)} commands in ${seconds.toFixed(1)} s = ${int(perSecond)} commands/s; ${int(events)} events written`);
    console.log(`  per command: p50 ${ms(latency.p50, 3)}, p99 ${ms(latency.p99, 3)}, max ${ms(latency.max)}`);
    const meanMsByType = Object.fromEntries(Object.entries(mix).map(([k, n]) => [k, (spent[k] ?? 0) / n]));
    console.log(`  mix and mean time: ${Object.entries(mix).map(([k, v]) => `${k} ${int(v)} (${ms(meanMsByType[k]!, 3)})`).join(', ')}`);
    const verify = store.log.verify();
    console.log(`  event chain verifies: ${verify.ok} (${int(verify.checked)} events)`);

    const backlog = backlogProbe(store, tickets, c, 'r101', [0, 100, 400], 1_000);
    for (const b of backlog) console.log(`  comment with ${b.openInRoom} other open tickets in the room: ${ms(b.meanMs, 3)} per command`);
    return { commands: done, seconds, perSecond, events, latency, mix, meanMsByType, backlog };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
