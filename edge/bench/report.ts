import type { DomainResult } from './domain.ts';
import type { HttpBenchResult, HttpRun } from './http-bench.ts';
import type { Machine } from './machine.ts';
import { int, ms, ratio, section, table } from './stats.ts';
import type { TapStep } from './tap-bench.ts';
import type { WalPages } from './wal-pages.ts';

export const THROUGHPUT_TARGET = 0.8;
/** Tap-to-sign p50 and p99 at 100/s, each at most this many times the bare pipeline's in the same run. */
export const TAP_BARE_RATIO_TARGET = 1.5;
export const TAP_P99_TARGET_MS = 5;

export interface Results {
  machine: Machine;
  disk: { perSecond: number; meanMs: number };
  wal: WalPages;
  domain: DomainResult;
  http: HttpBenchResult;
  tap: TapStep[];
  bareTap: TapStep[];
  diagnostics: HttpRun[];
  noDelayTap: TapStep | undefined;
  totalSeconds: number;
}

const best = (steps: TapStep[], ok: (s: TapStep) => boolean) => [...steps].filter(ok).sort((a, b) => b.rate - a.rate)[0];
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');

export function printSummary(r: Results): void {
  section('Summary');
  const m = r.machine;
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; run ${m.date}; total ${r.totalSeconds.toFixed(0)} s`);
  const rows: string[][] = [
    ['disk: raw SQLite commit (WAL, FULL)', `${int(r.disk.perSecond)} commits/s`, ms(r.disk.meanMs, 3), '', '', ''],
    ['WAL per commit: rejection / comment / bare insert', `${r.wal.reject.pages.toFixed(1)} / ${r.wal.comment.pages.toFixed(1)} / ${r.wal.bare.pages.toFixed(1)} pages`, '', '', '',
      `${int(r.wal.reject.bytes)} / ${int(r.wal.comment.bytes)} / ${int(r.wal.bare.bytes)} B`],
    ['domain+store: command handler', `${int(r.domain.perSecond)} cmd/s`, ms(r.domain.latency.p50, 3), ms(r.domain.latency.p99, 3), ms(r.domain.latency.max, 1), `${int(r.domain.commands)} cmds, ${int(r.domain.events)} events`],
  ];
  const httpRow = (label: string, x: HttpRun) => rows.push([`${label}, ${x.connections} conns`, `${int(x.perSecond)} req/s`, ms(x.p50, 1), ms(x.p99, 1), ms(x.max, 0),
    `non-2xx ${x.non2xx}, errors ${x.errors}; CPU server ${int(x.serverCpu * 100)}%, client ${int(x.clientCpu * 100)}%`]);
  for (const x of r.http.comment) httpRow('HTTP comment (gateway)', x);
  for (const x of r.http.bare) httpRow('bare pipeline', x);
  for (const x of r.http.lifecycle) httpRow('HTTP lifecycle mix (gateway)', x);
  for (const x of r.diagnostics) httpRow(`diagnostic: ${x.route}`, x);
  const tapRow = (label: string, s: TapStep | undefined) =>
    rows.push(s ? [label, `${int(s.rate)}/s offered, ${int(s.achieved)}/s achieved`, ms(s.toSign.p50), ms(s.toSign.p99), ms(s.toSign.max), `${int(s.received)}/${int(s.sent)} on sign, http failed ${s.httpFailed}`]
      : [label, 'none sustained', '', '', '', '']);
  tapRow('tap-to-sign gateway @100/s', r.tap[0]);
  tapRow('tap-to-sign gateway, highest sustained (p99 < 50 ms)', best(r.tap, (s) => s.sustained));
  tapRow('tap-to-sign gateway, highest kept up with', best(r.tap, (s) => s.keepsUp));
  tapRow('diagnostic: tap-to-sign gateway @100/s, broker TCP_NODELAY', r.noDelayTap);
  tapRow('tap-to-sign bare @100/s', r.bareTap[0]);
  tapRow('tap-to-sign bare, highest sustained (p99 < 50 ms)', best(r.bareTap, (s) => s.sustained));
  tapRow('tap-to-sign bare, highest kept up with', best(r.bareTap, (s) => s.keepsUp));
  console.log(table(['measurement', 'rate', 'p50', 'p99', 'max', 'notes'], rows));

  console.log('\ntap-to-sign steps (gateway | bare):');
  const stepRows = [...r.tap.map((s) => ['gateway', s]), ...r.bareTap.map((s) => ['bare', s])] as [string, TapStep][];
  console.log(table(['target', 'offered', 'achieved', 'on sign', 'p50', 'p99', 'max', 'http p99', 'keeps up', 'p99 < 50 ms', 'note'], stepRows.map(([t, s]) =>
    [t, `${int(s.rate)}/s`, `${int(s.achieved)}/s`, `${int(s.received)}/${int(s.sent)}`, ms(s.toSign.p50), ms(s.toSign.p99), ms(s.toSign.max),
      ms(s.httpResponse.p99), s.keepsUp ? 'yes' : 'no', s.sustained ? 'yes' : 'no', s.note])));

  console.log('\nratios vs targets:');
  const ratioRows: string[][] = [];
  r.http.comment.forEach((x, i) => {
    const bare = r.http.bare[i];
    const q = bare ? x.perSecond / bare.perSecond : Number.NaN;
    ratioRows.push([`HTTP comment / bare, ${x.connections} conns`, ratio(q), `>= ${THROUGHPUT_TARGET}`, verdict(q >= THROUGHPUT_TARGET)]);
  });
  r.http.lifecycle.forEach((x, i) => {
    const bare = r.http.bare[i];
    const q = bare ? x.perSecond / bare.perSecond : Number.NaN;
    ratioRows.push([`HTTP lifecycle mix / bare, ${x.connections} conns (info)`, ratio(q), `>= ${THROUGHPUT_TARGET}`, verdict(q >= THROUGHPUT_TARGET)]);
  });
  const gw = r.tap[0]?.toSign;
  const bareTap = r.bareTap[0]?.toSign;
  for (const q of ['p50', 'p99'] as const) {
    const x = gw && bareTap ? gw[q] / bareTap[q] : Number.NaN;
    ratioRows.push([`tap-to-sign ${q} @100/s, gateway / bare`, ratio(x), `<= ${TAP_BARE_RATIO_TARGET}`, verdict(x <= TAP_BARE_RATIO_TARGET)]);
  }
  const p99 = r.tap[0]?.toSign.p99 ?? Number.NaN;
  ratioRows.push(['tap-to-sign p99 @100/s (gateway)', ms(p99), `<= ${TAP_P99_TARGET_MS} ms`, verdict(p99 <= TAP_P99_TARGET_MS)]);
  const bareP99 = r.bareTap[0]?.toSign.p99 ?? Number.NaN;
  ratioRows.push(['tap-to-sign p99 @100/s (bare, reference)', ms(bareP99), `<= ${TAP_P99_TARGET_MS} ms`, verdict(bareP99 <= TAP_P99_TARGET_MS)]);
  console.log(table(['figure', 'value', 'target', 'verdict'], ratioRows));
}
