import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestGateway } from '../src/test-support/test-gateway.ts';
import { LoadGen } from './loadgen-client.ts';
import { ms } from './stats.ts';
import type { Plan, TapStep } from './tap-bench.ts';

/**
 * Tap-to-sign of two checkouts of the gateway at one rate, interleaved in one process, so a busy
 * machine weighs on both alike: `npx tsx bench/tap-ab.ts <other edge folder> [rounds=6]
 * [seconds=5] [rate=100]`. Each side is its own gateway loaded from its own folder; rounds
 * alternate which side goes first. Prints each side's median p50 and p99 and the CPU time this
 * process spent per tap while the side's taps were sent (its own gateway's work, as the other
 * side is idle then, and the load generator is a process of its own).
 */
const [other, ...rest] = process.argv.slice(2);
if (!other) throw new Error('usage: tap-ab.ts <other edge folder> [rounds] [seconds] [rate]');
const [rounds = 6, seconds = 5, rate = 100] = rest.map(Number);

interface Side { name: string; gw: TestGateway; tap: (gw: TestGateway, load: LoadGen, plan: Plan[]) => Promise<TapStep[]>; p50: number[]; p99: number[]; cpu: number[] }

async function side(name: string, edge: string): Promise<Side> {
  const load = (file: string) => import(pathToFileURL(path.resolve(edge, file)).href);
  const { startTestGateway } = await load('src/test-support/test-gateway.ts');
  const { tapGateway } = await load('bench/tap-bench.ts');
  return { name, gw: await startTestGateway(), tap: tapGateway, p50: [], p99: [], cpu: [] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const load = await LoadGen.start();
  // CPU is counted while the taps are sent only, not while a side builds or tidies its tickets.
  let cpuOfRun = 0;
  const run = load.run.bind(load) as (job: never) => Promise<unknown>;
  Object.assign(load, {
    run: async (job: never) => {
      const before = process.cpuUsage();
      try { return await run(job); } finally { const used = process.cpuUsage(before); cpuOfRun = used.user + used.system; }
    },
  });
  const sides = [await side('this', '.'), await side('other', other!)];
  try {
    for (const s of sides) await s.tap(s.gw, load, [{ rate, seconds: 1 }]);
    for (let i = 0; i < rounds; i++) {
      for (const s of i % 2 === 0 ? sides : [...sides].reverse()) {
        const [step] = await s.tap(s.gw, load, [{ rate, seconds }]);
        s.p50.push(step!.toSign.p50);
        s.p99.push(step!.toSign.p99);
        s.cpu.push(cpuOfRun / step!.sent);
      }
    }
  } finally {
    for (const s of sides) await s.gw.stop();
    await load.stop();
  }
  for (const s of sides) {
    console.log(`${s.name.padEnd(5)}: p50 ${ms(median(s.p50))}, p99 ${ms(median(s.p99))}, CPU ${median(s.cpu).toFixed(0)} µs per tap (median of ${rounds} rounds at ${rate}/s)`);
  }
  const [a, b] = sides as [Side, Side];
  console.log(`this/other: p50 ${(median(a.p50) / median(b.p50)).toFixed(3)}, p99 ${(median(a.p99) / median(b.p99)).toFixed(3)}, CPU ${(median(a.cpu) / median(b.cpu)).toFixed(3)}`);
}

main().then(() => setTimeout(() => process.exit(0), 500).unref(), (error: unknown) => { console.error(error); process.exit(1); });
