import { int, ms, ratio, table } from './stats.ts';
import type { StormResult } from './storm-signs.ts';

export const STORM_RATIO_TARGET = 1.5;

export type Mode = 'embedded' | 'mosquitto';
/** `at once`: every sign connects in the same tick; `paced`: at most 64 between TCP connect and CONNACK. */
export type Variant = 'at once' | 'paced';

export interface StormRun {
  mode: Mode;
  variant: Variant;
  round: number;
  restartMs: number;
  storm: StormResult;
  wallS: number;
  /** CPU seconds the gateway process (the bench process) spent during the storm. */
  gatewayCpuS: number;
  /** CPU seconds of the mosquitto process during the storm, from /proc/<pid>/stat. */
  brokerCpuS: number | null;
  listenOverflows: number;
}

export interface RestFigures {
  mode: Mode;
  seconds: number;
  connected: number;
  /** The bench process, which is the gateway plus the bench's own setup: read the growth, not the level. */
  gatewayRssMiB: number;
  rssBeforeMiB: number;
  gatewayCpu: number;
  brokerRssMiB: number | null;
  brokerCpu: number | null;
}

export interface StormBench { signs: number; runs: StormRun[]; rest: RestFigures[]; note: string | null }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

export function medians(r: StormBench, mode: Mode, variant: Variant) {
  const runs = r.runs.filter((x) => x.mode === mode && x.variant === variant);
  return {
    n: runs.length,
    seconds: median(runs.map((x) => x.storm.seconds)),
    p50: median(runs.map((x) => x.storm.toStatus.p50)),
    gatewayCpuS: median(runs.map((x) => x.gatewayCpuS)),
    brokerCpuS: median(runs.map((x) => x.brokerCpuS ?? Number.NaN)),
    overflows: median(runs.map((x) => x.listenOverflows)),
    all: runs.map((x) => x.storm.seconds),
  };
}

export function printStorm(r: StormBench): void {
  console.log(`\n  at rest with all ${int(r.signs)} signs connected:`);
  console.log(table(['mode', 'seconds', 'connected', 'gateway RSS (max)', 'before the storm', 'gateway CPU', 'mosquitto RSS', 'mosquitto CPU'], r.rest.map((x) => [
    x.mode, String(x.seconds), int(x.connected), `${x.gatewayRssMiB.toFixed(0)} MiB`, `${x.rssBeforeMiB.toFixed(0)} MiB`, `${(x.gatewayCpu * 100).toFixed(1)}%`,
    x.brokerRssMiB === null ? '' : `${x.brokerRssMiB.toFixed(1)} MiB`, x.brokerCpu === null ? '' : `${(x.brokerCpu * 100).toFixed(1)}%`])));

  console.log(`\n  storm, median of rounds (time until all ${int(r.signs)} signs hold their correct retained status):`);
  const rows: string[][] = [];
  for (const variant of ['at once', 'paced'] as const) {
    const e = medians(r, 'embedded', variant);
    const m = medians(r, 'mosquitto', variant);
    const q = e.seconds / m.seconds;
    const cpu = (x: typeof e, broker: boolean) => `${x.gatewayCpuS.toFixed(2)}${broker ? ` + ${x.brokerCpuS.toFixed(2)}` : ''}`;
    rows.push([variant, 'embedded', ms(e.seconds * 1000, 0), e.all.map((s) => (s * 1000).toFixed(0)).join(' / '), ms(e.p50, 0), cpu(e, false), int(e.overflows), '', '']);
    rows.push([variant, 'mosquitto', ms(m.seconds * 1000, 0), m.all.map((s) => (s * 1000).toFixed(0)).join(' / '), ms(m.p50, 0), cpu(m, true), int(m.overflows),
      ratio(q), r.note ?? (q <= STORM_RATIO_TARGET ? 'MET' : 'MISSED')]);
  }
  console.log(table(['variant', 'broker', 'all hold status', 'rounds (ms)', 'per-sign p50', 'CPU-s gateway (+ mosquitto)', 'accept overflows',
    `embedded / mosquitto (<= ${STORM_RATIO_TARGET})`, 'verdict'], rows));
}
