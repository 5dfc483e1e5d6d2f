import { fork } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { startBareSmtp } from './bare-smtp.ts';
import { BenchTickets } from './bench-tickets.ts';
import { ChildRpc } from './child-rpc.ts';
import { cast, demoRoomIds, prepareDone } from './fixtures.ts';
import type { LoadGen } from './loadgen-client.ts';
import type { MailJob, MailResult } from './mail-client.ts';
import { demoSigns } from './signs.ts';
import { int, ms, ratio, table } from './stats.ts';
import type { TapJob, TapResult } from './tap.ts';

/**
 * Inbound mail: `mails` messages (mixed shapes, see mail-messages.ts) sent over `connections`
 * parallel SMTP sessions by a client in its own child process, first to a bare SMTP server
 * (one raw row per mail, WAL + FULL), then to a test gateway's SMTP listener, which opens one
 * inquiry per mail. Tap-to-sign runs at `tapRate` from the load generator: first alone on the
 * gateway, then during the gateway's mail run, stopped when the last mail is answered.
 */
export interface MailBenchConfig { mails: number; connections: number; tapRate: number; baselineSeconds: number }

export interface MailBenchResult {
  bare: MailResult;
  gateway: MailResult;
  inquiries: number;
  stored: { files: number; bytes: number };
  acknowledgements: number;
  tapAlone: TapResult;
  tapDuring: TapResult;
}

const DOMAIN = 'bench.example.org';
/** The gateway's inquiry address; both servers get the same bytes, so the bare one gets it too. */
const INBOX = `inquiries@${DOMAIN}`;
/** The gateway's mail rate is assumed to be at least this share of the bare one when sizing the pool of tickets to tap. */
const ASSUMED_RATIO = 0.15;
/** At most this many seconds of taps are prepared for the mail run. */
const MAX_TAP_SECONDS = 300;

class MailSender {
  private constructor(private readonly rpc: ChildRpc) {}
  static async start(): Promise<MailSender> {
    const child = fork(new URL('./mail-client.ts', import.meta.url), [], { stdio: 'inherit' });
    return new MailSender(await ChildRpc.attach(child, 'mail client'));
  }
  send(job: MailJob): Promise<MailResult> {
    return this.rpc.ask({ job }) as Promise<MailResult>;
  }
  stop(): Promise<void> {
    return this.rpc.stop();
  }
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const name of readdirSync(dir)) {
    files++;
    bytes += statSync(join(dir, name)).size;
  }
  return { files, bytes };
}

const countInquiries = (gw: TestGateway) =>
  (gw.store.db.prepare("SELECT count(*) AS n FROM tickets WHERE json_extract(doc, '$.kind') = 'inquiry'").get() as { n: number }).n;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function describeMail(label: string, r: MailResult): string {
  const refused = Object.entries(r.refused).map(([code, n]) => `${code}:${n}`).join(' ') || 'none';
  return `  ${label}: ${int(r.accepted)}/${int(r.sent)} accepted in ${r.seconds.toFixed(1)} s = ${int(r.perSecond)} mails/s; ` +
    `DATA end -> 250 p50 ${ms(r.dataToReply.p50)}, p99 ${ms(r.dataToReply.p99)}, max ${ms(r.dataToReply.max, 0)}; ${mb(r.rawBytes)} sent; refused ${refused}`;
}

function describeTap(label: string, r: TapResult): string {
  return `  ${label}: ${int(r.received)}/${int(r.sent)} on the sign over ${r.seconds.toFixed(1)} s, ` +
    `p50 ${ms(r.toSign.p50)}, p99 ${ms(r.toSign.p99)}, max ${ms(r.toSign.max)}; http failed ${r.httpFailed} [${Object.entries(r.statuses).map(([code, n]) => `${code}:${int(n)}`).join(' ')}]; send lag p99 ${ms(r.sendLag.p99)}`;
}

export async function mailInboundBench(load: LoadGen, config: MailBenchConfig): Promise<MailBenchResult> {
  const sender = await MailSender.start();
  try {
    const job = (port: number, to: string): MailJob => ({ host: '127.0.0.1', port, to, count: config.mails, connections: config.connections });

    const bareServer = await startBareSmtp();
    let bare: MailResult;
    try {
      bare = await sender.send(job(bareServer.port, INBOX));
      console.log(`  (untimed: ${int(bare.sent)} mails built in the client, ${bare.buildSeconds.toFixed(1)} s)`);
      console.log(describeMail('bare smtp-server -> SQLite row', bare));
      console.log(`    bare rows written: ${int(bareServer.rows())}, ${mb(bareServer.bytes())} of raw mail`);
    } finally {
      await bareServer.close();
    }

    const gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN } });
    try {
      const port = Number(gw.mail.smtp!.split(':').at(-1));
      if (gw.mail.addresses.inbox !== INBOX) throw new Error(`the gateway's inbox is ${gw.mail.addresses.inbox}, not ${INBOX}`);
      const expectedSeconds = Math.min(MAX_TAP_SECONDS, Math.max(10, config.mails / Math.max(1, bare.perSecond * ASSUMED_RATIO)));
      const alone = Math.round(config.tapRate * config.baselineSeconds);
      const during = Math.round(config.tapRate * expectedSeconds);
      const t0 = performance.now();
      const done = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, alone + during);
      console.log(`  (untimed: ${int(done.length)} done cleaning tickets over the 15 rooms to reject, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      const cookie = await gw.login('fiona');
      const tapJob = (slice: typeof done, stopId?: string): TapJob => ({
        kind: 'tap', base: gw.http, mqtt: gw.mqtt, signs: demoSigns(gw, demoRoomIds), matchField: 'ticket', rate: config.tapRate, drainMs: 5_000,
        requests: slice.map((d) => ({ key: d.id, path: `/api/tickets/${d.id}/reject` })),
        headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ reason: 'Not cleaned' }),
        ...(stopId ? { stopId } : {}),
      });

      const tapAlone = await load.run(tapJob(done.slice(0, alone)));
      console.log(describeTap(`tap-to-sign at ${config.tapRate}/s alone`, tapAlone));

      const before = countInquiries(gw);
      const tapping = load.run(tapJob(done.slice(alone), 'mail'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const gateway = await sender.send(job(port, INBOX)).finally(() => load.stopTap('mail'));
      const tapDuring = await tapping;
      console.log(describeMail('gateway SMTP listener -> inquiry', gateway));
      console.log(describeTap(`tap-to-sign at ${config.tapRate}/s during the mail run`, tapDuring));
      const covered = Math.min(1, tapDuring.sent / config.tapRate / gateway.seconds);
      console.log(`    the tap covered ${int(covered * 100)}% of the mail run (${int(tapDuring.sent)} taps, ${int(done.length - alone)} prepared)`);

      const inquiries = countInquiries(gw) - before;
      const stored = folderSize(join(gw.dir, 'mail-attachments'));
      const acknowledgements = gw.mail.outbox ? await waitForOutbox(gw.mail.outbox) : 0;
      const result: MailBenchResult = { bare, gateway, inquiries, stored, acknowledgements, tapAlone, tapDuring };
      printMailSummary(result);
      if (inquiries !== gateway.sent || gateway.accepted !== gateway.sent) {
        throw new Error(`inbound mail: ${int(inquiries)} inquiries opened and ${int(gateway.accepted)} mails accepted, ${int(gateway.sent)} sent`);
      }
      return result;
    } finally {
      await gw.stop();
    }
  } finally {
    await sender.stop();
  }
}

/** The acknowledgements go out after the commit; gives the outbox a moment to settle, then counts its files. */
async function waitForOutbox(dir: string): Promise<number> {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const now = folderSize(dir).files;
    if (now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

export function printMailSummary(r: MailBenchResult): void {
  const q = r.gateway.perSecond / r.bare.perSecond;
  console.log('');
  console.log(table(['inbound mail', 'mails/s', 'DATA end -> 250 p50', 'p99', 'max', 'notes'], [
    ['bare smtp-server, one row per mail', int(r.bare.perSecond), ms(r.bare.dataToReply.p50), ms(r.bare.dataToReply.p99), ms(r.bare.dataToReply.max, 0),
      `${int(r.bare.accepted)}/${int(r.bare.sent)} accepted in ${r.bare.seconds.toFixed(1)} s`],
    ['gateway SMTP listener -> inquiry', int(r.gateway.perSecond), ms(r.gateway.dataToReply.p50), ms(r.gateway.dataToReply.p99), ms(r.gateway.dataToReply.max, 0),
      `${int(r.gateway.accepted)}/${int(r.gateway.sent)} accepted in ${r.gateway.seconds.toFixed(1)} s, taps at ${int(r.tapDuring.rate)}/s alongside`],
    ['gateway / bare', ratio(q), '', '', '', ''],
  ]));
  const ok = r.inquiries === r.gateway.sent;
  console.log(`\n  inquiries opened: ${int(r.inquiries)}; mails sent: ${int(r.gateway.sent)} -> ${ok ? 'equal' : 'NOT EQUAL'}`);
  console.log(`  attachment files stored: ${int(r.stored.files)} files, ${int(r.stored.bytes)} bytes (${mb(r.stored.bytes)}); ` +
    `the client sent ${int(r.gateway.attachments)} attachments of ${int(r.gateway.attachmentBytes)} bytes, the rest are the HTML bodies kept as message.html`);
  console.log(`  acknowledgements written to the outbox: ${int(r.acknowledgements)} (one an hour per sender; 997 senders)`);
  console.log(`  mix: ${Object.entries(r.gateway.shapes).map(([s, n]) => `${s} ${int(n)}`).join(', ')}\n`);
  console.log(table(['tap-to-sign', 'offered', 'on sign', 'p50', 'p99', 'max', 'http failed'], [r.tapAlone, r.tapDuring].map((t, i) => [
    i === 0 ? 'alone (before)' : 'during the mail run', `${int(t.rate)}/s`, `${int(t.received)}/${int(t.sent)}`, ms(t.toSign.p50), ms(t.toSign.p99), ms(t.toSign.max), String(t.httpFailed),
  ])));
}
