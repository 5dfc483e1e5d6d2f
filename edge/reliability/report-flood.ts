import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildRpc } from '../bench/child-rpc.ts';
import { int, ms, summarize } from '../bench/stats.ts';
import { defaultReportLimits } from '../src/rooms/report-rate-limit.ts';
import type { Figures } from './figures.ts';
import { GatewayChild } from './gateway-child.ts';
import { call, signIn } from './http-call.ts';
import type { FloodJob, FloodResult } from './report-flood-child.ts';

/**
 * Section 7: anonymous QR reports flood every room from many phones while staff work their
 * queue. The gateway runs with its own default caps (per browser and per QR code); the count
 * accepted must be what the caps allow, no more, and staff requests keep p99 under 200 ms.
 */
export async function reportFlood(figures: Figures, browsers: number, perBrowser: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-flood-'));
  const gw = await GatewayChild.start({ dataDir: dir, reportLimits: 'default' });
  const child = fork(new URL('./report-flood-child.ts', import.meta.url), [], { stdio: 'inherit' });
  const flooder = await ChildRpc.attach(child, 'report flood');
  try {
    const base = gw.info.http;
    const creds = gw.info.credentials;
    const password = (u: string) => creds.users.find((x) => x.username === u)!.password;
    const staff = await Promise.all(['ana', 'ben', 'sofia'].map((u) => signIn(base, u, password(u))));
    const rooms = creds.rooms.map((r) => ({ id: r.id, k: r.qr }));
    const latencies: number[] = [];
    const staffStatuses = new Map<number, number>();
    let flooding = true;
    const timed = async (cookie: string, method: string, path: string, body?: unknown) => {
      const t = performance.now();
      const res = await call(base, method, path, { cookie, ...(body === undefined ? {} : { body }) });
      latencies.push(performance.now() - t);
      staffStatuses.set(res.status, (staffStatuses.get(res.status) ?? 0) + 1);
      return res;
    };
    const staffWork = async (cookie: string, i: number) => {
      for (let n = 0; flooding; n++) {
        const queue = await timed(cookie, 'GET', '/api/queue');
        await timed(cookie, 'GET', `/api/tickets?room=${rooms[(i + n) % rooms.length]!.id}`);
        const first = queue.body?.pool?.[0]?.id ?? queue.body?.mine?.[0]?.id;
        if (typeof first === 'string') await timed(cookie, 'POST', `/api/tickets/${first}/comment`, { text: `On my way ${n}` });
      }
    };
    const working = staff.map((cookie, i) => staffWork(cookie, i));
    const job: FloodJob = { base, rooms, browsers, perBrowser, concurrency: 32 };
    const result = (await flooder.ask({ job })) as FloodResult;
    flooding = false;
    await Promise.all(working);

    const { perBrowser: browserCap, perQrCode: qrCap } = defaultReportLimits;
    // Each browser's first reports pass its cap; of those, each room takes at most its QR cap.
    const passBrowser = new Map<string, number>();
    for (let n = 0; n < browsers * perBrowser; n++) {
      if (Math.floor(n / browsers) >= browserCap.max) continue;
      const room = rooms[n % rooms.length]!.id;
      passBrowser.set(room, (passBrowser.get(room) ?? 0) + 1);
    }
    const expected = [...passBrowser.values()].reduce((s, n) => s + Math.min(n, qrCap.max), 0);
    const roomMax = Math.max(0, ...Object.values(result.perRoom));
    const fiveHundreds = Object.entries(result.statuses).filter(([k]) => k.startsWith('5') || k.startsWith('0')).reduce((s, [, n]) => s + n, 0);
    const lat = summarize(latencies);
    console.log(`  flood answers: ${JSON.stringify(result.statuses)} in ${result.seconds.toFixed(1)} s; staff answers: ${JSON.stringify(Object.fromEntries(staffStatuses))}`);
    const section = '7';
    figures.add({ section, measure: 'anonymous reports sent (browsers x reports, all 15 rooms)', value: `${int(result.sent)} (${int(browsers)} x ${perBrowser}) in ${result.seconds.toFixed(1)} s`, target: 'recorded', pass: null });
    figures.add({ section, measure: `accepted vs the caps (${browserCap.max} per browser / ${browserCap.windowMs / 60_000} min, ${qrCap.max} per QR code / ${qrCap.windowMs / 60_000} min)`, value: `${int(result.accepted)} accepted, ${int(result.refused)} refused 429; caps allow ${int(expected)}`, target: `= ${int(expected)}`, pass: result.accepted === expected && result.accepted + result.refused === result.sent });
    figures.add({ section, measure: 'most accepted from one browser / for one room', value: `${result.perBrowserMax} / ${roomMax}`, target: `<= ${browserCap.max} / <= ${qrCap.max}`, pass: result.perBrowserMax <= browserCap.max && roomMax <= qrCap.max });
    figures.add({ section, measure: 'flood answers >= 500 or failed', value: String(fiveHundreds), target: '0', pass: fiveHundreds === 0 });
    figures.add({ section, measure: `staff requests during the flood (${int(lat.n)}): p50 / p99`, value: `${ms(lat.p50, 1)} / ${ms(lat.p99, 1)}`, target: 'p99 < 200 ms', pass: lat.p99 < 200 && ![...staffStatuses.keys()].some((s) => s >= 500) });
  } finally {
    await flooder.stop();
    await gw.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
