import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from './stats.ts';

/**
 * BENCH_STORM_PROFILE=1: one extra embedded storm under the V8 sampling profiler (the same
 * profile `node --cpu-prof` writes, limited to the storm), saved as a .cpuprofile for Chrome
 * DevTools, and summarized: where the gateway's CPU went, by package and by function.
 */
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const where = (url: string) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/edge/src/')) return 'doorside edge/src';
  if (url.includes('/firmware-config/')) return 'doorside firmware-config';
  if (url.startsWith('node:') || url === '') return 'node / V8';
  return url;
};
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;

export async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  let result: T;
  try {
    result = await work();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    summarize(profile);
  }
  return result;
}

function summarize(profile: Profile): void {
  const file = join(tmpdir(), `doorside-storm-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  // Inclusive time per node, children first.
  const inclusive = new Map<number, number>();
  const visit = (id: number): number => {
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + visit(c), 0);
    inclusive.set(id, t);
    return t;
  };
  visit(profile.nodes[0]!.id);
  const sum = (key: (n: Node) => string, of: Map<number, number>, onStack = false) => {
    const out = new Map<string, number>();
    for (const [id, t] of of) {
      const k = key(byId.get(id)!);
      if (onStack && isNested(id, k)) continue; // count a recursive function once
      out.set(k, (out.get(k) ?? 0) + t);
    }
    return [...out].sort((a, b) => b[1] - a[1]);
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isNested = (id: number, k: string) => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) if (label(byId.get(p)!) === k) return true;
    return false;
  };
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1)}%`;
  const ignore = /^\((root|program|idle)\)/;
  console.log(`\n  CPU profile of the gateway during one embedded storm: ${(busy).toFixed(0)} ms busy of ${(total).toFixed(0)} ms; saved to ${file}`);
  console.log('  self time by package:');
  console.log(table(['package', 'self', 'share of busy'], sum((n) => (ignore.test(n.callFrame.functionName) ? n.callFrame.functionName : where(n.callFrame.url)), self)
    .filter(([k]) => k !== '(idle)').slice(0, 10).map(([k, t]) => [k, `${t.toFixed(0)} ms`, pct(t)])));
  console.log('  functions by self time:');
  console.log(table(['function', 'self', 'share'], sum(label, self).filter(([k]) => !k.startsWith('(idle)')).slice(0, 18).map(([k, t]) => [k, `${t.toFixed(0)} ms`, pct(t)])));
  console.log('  functions by inclusive time (callers included, each counted once per stack):');
  console.log(table(['function', 'inclusive', 'share'], sum(label, inclusive, true).filter(([k]) => !ignore.test(k) && !k.startsWith('(anonymous) node / V8'))
    .slice(0, 30).map(([k, t]) => [k, `${t.toFixed(0)} ms`, pct(t)])));
}
