import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Gateway, startGateway } from '../src/gateway.ts';
import { mosquittoBinary, type RunningMosquitto, startMosquitto } from '../test/support/mosquitto.ts';
import { int, ms, sleep } from './stats.ts';
import { openFileLimit, StormClient } from './storm-client.ts';
import { profiled } from './storm-profile.ts';
import { type Mode, printStorm, type RestFigures, type StormBench, type StormRun, type Variant } from './storm-report.ts';
import { stormSite } from './storm-site.ts';

/**
 * Section 6, reconnect storm: every sign of a big building reconnects at once after the
 * gateway restarts and must get its room's retained status again. (a) on the embedded
 * broker, (b) on Mosquitto with the generated files (gateway in external-broker mode),
 * alternating, `rounds` times each, all at once and again with at most 64 handshakes in
 * flight; (c) the gateway (and Mosquitto) at rest with all signs connected.
 */
const PACED_PENDING = 64;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** A process's CPU seconds so far and resident MiB, from /proc. */
function procStat(pid: number): { cpuS: number; rssMiB: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return { cpuS: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, rssMiB: rssKb / 1024 };
}

/** The kernel's count of connections dropped because a listener's accept queue was full. */
function listenOverflows(): number {
  const [head, values] = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
  const i = head?.split(' ').indexOf('ListenOverflows') ?? -1;
  return i > 0 ? Number(values?.split(' ')[i]) : Number.NaN;
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

export async function stormBench(signCount: number, rounds: number, restSeconds: number): Promise<StormBench | null> {
  const limit = openFileLimit();
  if (limit < signCount + 256) {
    console.log(`  SKIPPED: this process may open ${limit} files; the gateway needs one per sign. Run \`ulimit -n 8192\` first.`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'doorside-storm-'));
  const setupStart = performance.now();
  const site = await stormSite(dir, signCount);
  const mosquitto: RunningMosquitto | null = mosquittoBinary ? await startMosquitto(site.files) : null;
  const client = await StormClient.start(signCount + 1024);
  console.log(`  setup (untimed): ${int(signCount)} signs registered over 15 rooms, Mosquitto files written, ${ms(performance.now() - setupStart, 0)}; ` +
    `open-file limit here ${limit}; ${mosquitto ? `Mosquitto pid ${mosquitto.pid} at ${mosquitto.url}` : 'NO MOSQUITTO BINARY: embedded only'}`);
  const base = { site: 'demo', host: '127.0.0.1', httpPort: 0, mqttPort: 0, dataDir: dir };
  const runs: StormRun[] = [];
  const rest: RestFigures[] = [];
  let gw: Gateway | undefined;
  const broker = (mode: Mode) => (mosquitto && mode === 'mosquitto' ? procStat(mosquitto.pid) : null);

  const atRest = async (mode: Mode, rssBeforeMiB: number): Promise<RestFigures> => {
    const [cpu0, b0] = [process.cpuUsage(), broker(mode)];
    let rss = 0;
    for (let t = 0; t < restSeconds * 4; t++) { await sleep(250); rss = Math.max(rss, process.memoryUsage().rss / 2 ** 20); }
    const b1 = broker(mode);
    return {
      mode, seconds: restSeconds, connected: await client.openConnections(), gatewayRssMiB: rss, rssBeforeMiB, gatewayCpu: cpuSeconds(process.cpuUsage(cpu0)) / restSeconds,
      brokerRssMiB: b1?.rssMiB ?? null, brokerCpu: b0 && b1 ? (b1.cpuS - b0.cpuS) / restSeconds : null,
    };
  };

  const round = async (mode: Mode, variant: Variant, n: number, measureRest: boolean, profile = false) => {
    const t = performance.now();
    gw = await startGateway(mode === 'embedded' ? base : { ...base, externalBroker: { url: mosquitto!.url, ...site.gateway } });
    const restartMs = performance.now() - t;
    const rssBefore = process.memoryUsage().rss / 2 ** 20;
    await sleep(200); // let an external gateway's retained re-publish land
    const job = { url: gw.mqtt, signs: site.signs, expected: site.expected, presence: mode === 'mosquitto', maxPending: variant === 'paced' ? PACED_PENDING : 0, timeoutMs: 60_000 };
    const [cpu0, b0, o0, w0] = [process.cpuUsage(), broker(mode), listenOverflows(), performance.now()];
    const storm = profile ? await profiled(() => client.storm(job)) : await client.storm(job);
    const wallS = (performance.now() - w0) / 1000;
    const [gatewayCpuS, b1] = [cpuSeconds(process.cpuUsage(cpu0)), broker(mode)];
    const run: StormRun = {
      mode, variant, round: n, restartMs, storm, wallS, gatewayCpuS, brokerCpuS: b0 && b1 ? b1.cpuS - b0.cpuS : null, listenOverflows: listenOverflows() - o0,
    };
    if (!profile) runs.push(run);
    console.log(`  ${mode.padEnd(9)} ${variant.padEnd(7)} #${n}: ${int(storm.done)}/${int(storm.signs)} hold their status after ${ms(storm.seconds * 1000, 0)} ` +
      `(per sign p50 ${ms(storm.toStatus.p50, 0)}, p99 ${ms(storm.toStatus.p99, 0)}); accept-queue overflows ${int(run.listenOverflows)}, ` +
      `retries ${storm.retries}, refused ${storm.refused}, wrong ${storm.wrongPayloads}; CPU-s gateway ${gatewayCpuS.toFixed(2)}` +
      `${run.brokerCpuS === null ? '' : `, mosquitto ${run.brokerCpuS.toFixed(2)}`}, client ${(storm.clientCpu * storm.seconds).toFixed(2)}; restart ${ms(restartMs, 0)}` +
      `${profile ? ' (profiled, not counted)' : ''}`);
    if (measureRest) rest.push(await atRest(mode, rssBefore));
    await client.closeAll();
    await gw.close();
    gw = undefined;
  };

  try {
    for (let n = 1; n <= rounds; n++) {
      for (const variant of ['at once', 'paced'] as const) {
        await round('embedded', variant, n, n === 1 && variant === 'at once');
        if (mosquitto) await round('mosquitto', variant, n, n === 1 && variant === 'at once');
      }
    }
    if (process.env.BENCH_STORM_PROFILE === '1') await round('embedded', 'at once', rounds + 1, false, true);
  } finally {
    await gw?.close();
    await client.stop();
    await mosquitto?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const result: StormBench = { signs: signCount, runs, rest, note: mosquitto ? null : 'mosquitto not installed' };
  printStorm(result);
  return result;
}
