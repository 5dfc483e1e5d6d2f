import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { bareTap } from './bare-bench.ts';
import { rawCommitRate, startBareServer } from './bare-server.ts';
import { diagnostics, tapWithNoDelay } from './diagnostics.ts';
import { domainBench } from './domain.ts';
import { httpBench } from './http-bench.ts';
import { LoadGen } from './loadgen-client.ts';
import { machine } from './machine.ts';
import { describeOrders, ordersBench } from './orders-bench.ts';
import { mailInboundBench } from './mail-inbound.ts';
import { printSummary } from './report.ts';
import { int, ms, section } from './stats.ts';
import { stormBench } from './storm.ts';
import { slaTickBench } from './sla-tick.ts';
import { type Plan, tapGateway } from './tap-bench.ts';
import { describeWal, walPages } from './wal-pages.ts';

/**
 * Doorside benchmark: `npm run bench` (root) or `npm run bench -w edge`.
 * Servers run in this process; the load generator (autocannon, the open-loop tap client
 * and the MQTT signs) runs in a child process, so on two cores each gets its own.
 * BENCH_QUICK=1 shrinks every section for a smoke run. BENCH_ONLY=core runs sections 0 to 5 (with their
 * summary: HTTP throughput and tap-to-sign against the bare pipeline) alone, BENCH_ONLY=storm section 6 alone,
 * BENCH_ONLY=mail section 7 (inbound mail) alone, BENCH_ONLY=sla section 8 (escalation and schedule ticks) alone,
 * BENCH_ONLY=orders section 9 (paid-service bookings) alone.
 */
const quick = process.env.BENCH_QUICK === '1';
const config = {
  domainCommands: quick ? 5_000 : 50_000,
  httpSeconds: quick ? 3 : 10,
  diagSeconds: quick ? 2 : 5,
  connections: [16, 100],
  stormSigns: quick ? 500 : 2_000,
  stormRounds: quick ? 1 : 3,
  stormRestSeconds: quick ? 3 : 10,
  mails: quick ? 1_000 : 10_000,
  mailConnections: 8,
  slaOpenTickets: quick ? 10_000 : 100_000,
  slaSchedules: quick ? 100 : 1_000,
  tapPlan: (quick
    ? [{ rate: 100, seconds: 3 }, { rate: 400, seconds: 2 }, { rate: 800, seconds: 2 }]
    : [{ rate: 100, seconds: 10 }, ...[200, 300, 400, 600, 800, 1200, 1600].map((rate) => ({ rate, seconds: 4 }))]) as Plan[],
};

const only = process.env.BENCH_ONLY;

async function storm(): Promise<void> {
  section(`6. Reconnect storm: ${int(config.stormSigns)} signs with their own credentials reconnect at once after a gateway restart ` +
    `(embedded broker vs Mosquitto, ${config.stormRounds} rounds each)`);
  await stormBench(config.stormSigns, config.stormRounds, config.stormRestSeconds);
}

async function mail(): Promise<void> {
  section(`7. Inbound mail: ${int(config.mails)} mails with attachments over ${config.mailConnections} SMTP connections into inquiries ` +
    '(gateway vs a bare smtp-server writing one row per mail), tap-to-sign at 100/s alone and during the mail run');
  const load = await LoadGen.start();
  try {
    await mailInboundBench(load, { mails: config.mails, connections: config.mailConnections, tapRate: 100, baselineSeconds: quick ? 5 : 10 });
  } finally {
    await load.stop();
  }
}

async function sla(): Promise<void> {
  section(`8. Escalation and schedule ticks on a site with ${int(config.slaOpenTickets)} open tickets and ${int(config.slaSchedules)} schedules; ` +
    'tap-to-sign at 100/s alone and while the ticks run back to back');
  const load = await LoadGen.start();
  try {
    await slaTickBench(load, { openTickets: config.slaOpenTickets, schedules: config.slaSchedules, tapRate: 100, tapSeconds: quick ? 5 : 10, ticks: 5 });
  } finally {
    await load.stop();
  }
}

async function orders(): Promise<void> {
  section(`9. Paid-service bookings through HTTP, ${quick ? 3 : 10} s at 16 at a time (slot check, pricing, the job's ticket, the order and their events), ` +
    'beside a bare node:http + SQLite count-and-insert; then 200 simultaneous bookings into one slot of 3');
  console.log(describeOrders(await ordersBench({ seconds: quick ? 3 : 10, concurrency: 16 })));
}

/** Sections 0 to 5 and their summary: the disk, WAL pages, the command path, HTTP throughput and tap-to-sign against the bare pipeline. */
async function core(started: number, m: ReturnType<typeof machine>): Promise<void> {
  section('0. Disk: raw SQLite commits, WAL + synchronous=FULL, one row each');
  const disk = rawCommitRate(2_000);
  console.log(`  ${int(disk.perSecond)} commits/s, ${ms(disk.meanMs, 3)} per commit`);

  section(`0b. WAL pages per commit: rejections and comments through the command handler on a site with ${quick ? '1,000' : '3,000'} closed tickets, the bare insert (untimed)`);
  const wal = await walPages(quick ? 100 : 300, quick ? 1_000 : 3_000);
  console.log(describeWal(wal));

  section(`1. Domain + store: the command handler on a SQLite file, ${int(config.domainCommands)} commands`);
  const domain = await domainBench(config.domainCommands);

  const load = await LoadGen.start();
  try {
    const gw = await startTestGateway();
    const bare = await startBareServer();
    try {
      console.log(`\n(gateway at ${gw.http}, MQTT ${gw.mqtt}; bare pipeline at ${bare.http}, MQTT ${bare.mqtt})`);
      section(`2. Through HTTP, closed loop (autocannon), ${config.connections.join(' and ')} connections, ${config.httpSeconds} s each; ` +
        'each gateway run paired with the bare pipeline (section 4a)');
      const http = await httpBench(gw, bare, load, config.connections, config.httpSeconds);

      section('3. Tap-to-sign on the gateway: HTTP reject sent -> retained room status on the sign (open loop)');
      const tap = await tapGateway(gw, load, config.tapPlan);

      section('4b. Tap-to-sign on the bare pipeline (open loop, same plan)');
      const bareTapSteps = await bareTap(bare, load, config.tapPlan);

      section(`5. Diagnostics: ${config.connections[0]} connections, ${config.diagSeconds} s, synchronous=NORMAL (attribution only, not durable)`);
      const diag = await diagnostics(gw, http, load, config.connections[0]!, config.diagSeconds);
      console.log(`  tap-to-sign at 100/s for ${config.diagSeconds} s on a fresh gateway whose broker sockets have TCP_NODELAY set:`);
      const noDelayTap = await tapWithNoDelay(load, 100, config.diagSeconds);

      const verify = gw.store.log.verify();
      console.log(`\n  gateway event chain verifies: ${verify.ok} (${int(verify.checked)} events); bare rows written: ${int(bare.rows())}`);
      printSummary({ machine: m, disk, wal, domain, http, tap, bareTap: bareTapSteps, diagnostics: diag, noDelayTap, totalSeconds: (performance.now() - started) / 1000 });
    } finally {
      await bare.close();
      await gw.stop();
    }
  } finally {
    await load.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  console.log('Doorside edge benchmark');
  console.log(`machine: ${m.cpu}; ${m.cores} cores; ${m.memoryGiB} GiB RAM; Node ${m.node}; ${m.os}`);
  console.log(`date: ${m.date}${quick ? '  (BENCH_QUICK: reduced sizes, figures not comparable)' : ''}`);
  if (only !== undefined && only !== 'core' && only !== 'storm' && only !== 'mail' && only !== 'sla' && only !== 'orders') throw new Error(`BENCH_ONLY=${only}: only "core", "storm", "mail", "sla" or "orders" can run alone`);
  if (only !== undefined) {
    await (only === 'core' ? core(started, m) : only === 'storm' ? storm() : only === 'mail' ? mail() : only === 'sla' ? sla() : orders());
    console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return;
  }

  await core(started, m);
  await storm();
  await mail();
  await sla();
  await orders();
  console.log(`\ntotal with the storm, the mail, the ticks and the orders ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => {
    // Everything is closed by now; if a handle still lingers, say which and leave anyway.
    setTimeout(() => {
      console.error(`bench: still open after 5 s: ${process.getActiveResourcesInfo().join(', ')}; exiting`);
      process.exit(0);
    }, 5_000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 5_000).unref();
  },
);
