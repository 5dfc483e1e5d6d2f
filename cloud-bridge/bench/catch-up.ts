import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCentral } from '../src/central/server.ts';
import { createDatabase, hasPostgres, postgresMissing, startPostgres } from '../test/support/postgres.ts';
import { barePostgres, bareSqlite, type Ceiling } from './bare-insert.ts';
import { LogGenerator } from './log-generator.ts';
import { clusterCpuSeconds } from './process-cpu.ts';

/**
 * Catch-up after an outage: a site's whole queued log (1,000,000 events; BENCH_QUICK=1:
 * 100,000) sent through the real ingest path — HTTP batches from a client in another
 * process, parsed, chain-verified, stored and projected — into SQLite and into
 * PostgreSQL, while a second site keeps sending small live batches. Then the ceiling:
 * the same rows inserted bare. `npm run bench -w cloud-bridge`.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const TOTAL = Number(process.env.BENCH_EVENTS ?? (QUICK ? 100_000 : 1_000_000));
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);
const ONLY = process.env.BENCH_ONLY;
if (BATCH % 500 !== 0 || TOTAL % BATCH !== 0 || BATCH > 5000) throw new Error('BENCH_BATCH must be a multiple of 500 up to 5000 that divides BENCH_EVENTS');

const sender = fileURLToPath(new URL('./sender.ts', import.meta.url));

interface Child { child: ReturnType<typeof fork>; ready: Promise<void>; done: Promise<any> }

function start(args: object): Child {
  const child = fork(sender, [JSON.stringify(args)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  let ready!: () => void;
  const readyP = new Promise<void>((resolve) => { ready = resolve; });
  const done = new Promise<any>((resolve, reject) => {
    child.on('message', (m: any) => (m.kind === 'ready' ? ready() : resolve(m)));
    child.on('exit', (code) => (code ? reject(new Error(`sender exited with ${code}`)) : undefined));
  });
  return { child, ready: readyP, done };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Run {
  backend: string; seconds: number; perSecond: number; serverCpu: number; clientCpu: number; dbCpu: number | null; load: string; meanBatchMs: number; verifySeconds: number;
  live: { batches: number; p50: number; p99: number; max: number }; ceiling: Ceiling;
}

async function runBackend(backend: 'sqlite' | 'postgres', head: { seq: number; hash: string }, cluster?: { url: string; dataDir: string }): Promise<Run> {
  const clusterUrl = cluster?.url;
  const dir = mkdtempSync(join(tmpdir(), `doorside-bench-${backend}-`));
  try {
    const databaseUrl = clusterUrl ? await createDatabase(clusterUrl) : undefined;
    const central = await startCentral({ dataDir: dir, port: 0, ...(databaseUrl ? { databaseUrl } : {}) });
    const big = await central.addSite('big');
    const live = await central.addSite('live');
    const catchUp = start({ mode: 'catch-up', url: central.url, site: 'big', key: big.siteKey, total: TOTAL, batch: BATCH, head });
    const liveSite = start({ mode: 'live', url: central.url, site: 'live', key: live.siteKey, total: 0, batch: 0 });
    await Promise.all([catchUp.ready, liveSite.ready]);

    const load0 = loadavg()[0]!;
    const db0 = cluster ? clusterCpuSeconds(cluster.dataDir) : 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    catchUp.child.send('go');
    const done = await catchUp.done;
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const dbCpu = cluster ? (clusterCpuSeconds(cluster.dataDir) - db0) / wall : null;
    const load = `${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    liveSite.child.send('stop');
    const liveDone = await liveSite.done;

    const cursor = await central.siteCursor('big');
    if (cursor.seq !== head.seq || cursor.hash !== head.hash) throw new Error(`${backend}: cursor ${cursor.seq} is not the log's head ${head.seq}`);
    const metrics = await (await fetch(`${central.url}/metrics`)).text();
    const sum = Number(/doorside_central_ingest_duration_seconds_sum (\S+)/.exec(metrics)?.[1]);
    const count = Number(/doorside_central_ingest_duration_seconds_count (\S+)/.exec(metrics)?.[1]);
    const v0 = performance.now();
    const verified = await central.verifySite('big');
    const verifySeconds = (performance.now() - v0) / 1000;
    if (!verified.ok || verified.checked !== TOTAL) throw new Error(`${backend}: stored chain does not verify: ${JSON.stringify(verified)}`);
    await central.close();

    const latencies = (liveDone.latencies as number[]).sort((a, b) => a - b);
    const ceiling = backend === 'sqlite' ? await bareSqlite(dir, TOTAL, BATCH) : await barePostgres(await createDatabase(clusterUrl!), TOTAL, BATCH);
    const run: Run = {
      backend, seconds: done.seconds, perSecond: TOTAL / done.seconds, serverCpu: (cpu.user + cpu.system) / 1e6 / wall, clientCpu: done.cpuSeconds / done.seconds, dbCpu, load,
      meanBatchMs: (sum / count) * 1000, verifySeconds,
      live: { batches: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies[latencies.length - 1] ?? NaN }, ceiling,
    };
    console.log(`${backend}: ${n0(TOTAL)} events in ${run.seconds.toFixed(1)} s = ${n0(run.perSecond)} events/s (CPU: server ${(run.serverCpu * 100).toFixed(0)} %, client ${(run.clientCpu * 100).toFixed(0)} %${run.dbCpu === null ? '' : `, PostgreSQL ${(run.dbCpu * 100).toFixed(0)} %`}; load average ${run.load}; ` +
      `${ms(run.meanBatchMs)} per ${BATCH}-event batch in ingest); live site: ${run.live.batches} batches, p50 ${ms(run.live.p50)}, p99 ${ms(run.live.p99)}, max ${ms(run.live.max)}; ` +
      `re-verify ${run.verifySeconds.toFixed(1)} s; bare ceiling ${n0(ceiling.perSecond)} events/s (${((run.perSecond / ceiling.perSecond) * 100).toFixed(0)} %)`);
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown').trim();
console.log(`catch-up bench: ${n0(TOTAL)} events, batches of ${BATCH}; ${cpuModel}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
const g0 = performance.now();
const gen = new LogGenerator('big');
for (let left = TOTAL; left > 0; left -= Math.min(left, 50_000)) gen.next(Math.min(left, 50_000));
console.log(`log generated and hashed once to know its head: ${((performance.now() - g0) / 1000).toFixed(1)} s (untimed)`);

const runs: Run[] = [];
if (ONLY !== 'postgres') runs.push(await runBackend('sqlite', gen.head));
if (ONLY !== 'sqlite') {
  if (!hasPostgres) {
    console.warn(`\n*** SKIPPING PostgreSQL: ${postgresMissing} ***\n`);
  } else {
    const cluster = await startPostgres();
    try {
      runs.push(await runBackend('postgres', gen.head, cluster));
    } finally {
      await cluster.stop();
    }
  }
}

console.log('\n| backend | events | catch-up | events/s | bare ceiling events/s | share of ceiling | live p50 / p99 / max | live batches |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  console.log(`| ${r.backend} | ${n0(TOTAL)} | ${r.seconds.toFixed(1)} s | ${n0(r.perSecond)} | ${n0(r.ceiling.perSecond)} | ${((r.perSecond / r.ceiling.perSecond) * 100).toFixed(0)} % | ` +
    `${ms(r.live.p50)} / ${ms(r.live.p99)} / ${ms(r.live.max)} | ${r.live.batches} |`);
}
const pgRun = runs.find((r) => r.backend === 'postgres');
if (pgRun) {
  const share = pgRun.perSecond / pgRun.ceiling.perSecond;
  console.log(`\nPostgreSQL target ≥ 20,000 events/s: ${pgRun.perSecond >= 20_000 ? 'met' : 'MISSED'}; ≥ 65 % of the bare ceiling: ${share >= 0.65 ? 'met' : 'MISSED'}`);
}
