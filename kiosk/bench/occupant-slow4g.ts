/**
 * How fast a room's QR code becomes a usable report form on a slow phone link.
 *
 * A gateway on 127.0.0.1 serves the current build; headless Chromium opens a room's report
 * page in a fresh browser context each run (empty cache) with the network throttled through
 * CDP exactly as Chrome DevTools' "Slow 4G" preset does, and the CPU as it is.
 *
 * Time to interactive (TTI) here: from navigation start to the first animation frame in which
 * the report form shows its category tiles (the room view has arrived and rendered) and an
 * enabled send button — the moment an occupant can choose, type and send.
 *
 *   npm run bench -w kiosk            (BENCH_RUNS=n to change the number of runs, default 9)
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { launchChromium } from '../test/chromium.ts';

/** Chrome DevTools' "Slow 4G" (front_end/core/sdk/NetworkManager.ts): 150 ms × 3.75 latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. */
export const slow4g = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
const TARGET_MS = 1500;
const runs = Number(process.env.BENCH_RUNS ?? 9);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// Page scripts are plain strings: tsx would wrap named functions in a helper the page lacks.

/** Runs in the page before anything else: notes the first frame where the form can be used. */
const watchForInteractive = `(() => {
  const check = () => {
    const form = document.querySelector('ds-report-page')?.shadowRoot?.querySelector('ds-report-form')?.shadowRoot;
    const tiles = form?.querySelector('ds-category-picker')?.shadowRoot?.querySelectorAll('input[type="radio"]').length ?? 0;
    const send = form?.querySelector('button[data-send]');
    if (tiles > 0 && send && !send.disabled) window.interactiveAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Read in the page once it is interactive: when each part arrived, relative to navigation start. */
const timings = `(() => {
  const res = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    tti: window.interactiveAt,
    html: nav.responseEnd,
    js: res('/assets/report.js')?.responseEnd ?? NaN,
    room: res('/public?')?.responseEnd ?? NaN,
    domContentLoaded: nav.domContentLoadedEventEnd,
    jsTransfer: res('/assets/report.js')?.encodedBodySize ?? NaN,
  };
})()`;

interface Run { tti: number; html: number; js: number; room: number; domContentLoaded: number; jsTransfer: number }

async function measure(page: Page): Promise<Run> {
  // A function, not a string: the page's policy forbids eval, which a string predicate is run with.
  await page.waitForFunction(() => (window as unknown as { interactiveAt?: number }).interactiveAt !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(timings) as Promise<Run>;
}

/** Waits, untimed, until the page and its script are there: another test run may be rebuilding kiosk/dist. */
async function served(url: string): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 200) {
    const [shell, script] = await Promise.all([fetch(url), fetch(new URL('/assets/report.js', url))]);
    await Promise.all([shell.arrayBuffer(), script.arrayBuffer()]);
    if (shell.ok && script.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const ms = (x: number) => `${Math.round(x)} ms`;

const gw = await startTestGateway();
const browser = await launchChromium();
try {
  const url = gw.creds.rooms.find((r) => r.id === 'r102')!.reportUrl;
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    await page.addInitScript(watchForInteractive);
    await served(url);
    const trouble: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) trouble.push(`${r.status()} ${r.url()}`); });
    page.on('pageerror', (e) => trouble.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    const run = await measure(page).catch((error: Error) => { throw new Error(`run ${i + 1}: ${error.message}; ${trouble.join('; ') || 'no failed request'}`); });
    results.push(run);
    console.log(`run ${i + 1}: TTI ${ms(run.tti)} (html ${ms(run.html)}, room view ${ms(run.room)}, report.js ${ms(run.js)}, DOMContentLoaded ${ms(run.domContentLoaded)})`);
    await context.close();
  }
  const js = readFileSync(join(dist, 'report.js'));
  const html = readFileSync(join(dist, 'report.html'));
  const ttis = results.map((r) => r.tti);
  const [load1] = loadavg();
  console.log('\nOccupant report page, Chrome DevTools "Slow 4G" (562.5 ms latency, 180 000 B/s down, 84 375 B/s up), CPU unthrottled, cold cache');
  console.log(`  runs            ${runs} (load average at the end: ${load1!.toFixed(2)} on ${cpus().length} cores)`);
  console.log(`  critical path   html ${ms(median(results.map((r) => r.html)))} → report.js ${ms(median(results.map((r) => r.js)))} → interactive; room view in parallel, done at ${ms(median(results.map((r) => r.room)))} (medians)`);
  console.log(`  TTI median      ${ms(median(ttis))}`);
  console.log(`  TTI max         ${ms(Math.max(...ttis))}`);
  console.log(`  TTI min         ${ms(Math.min(...ttis))}`);
  console.log(`  report.js       ${(js.length / 1024).toFixed(1)} kB minified, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(1)} kB gzip, ${(results[0]!.jsTransfer / 1024).toFixed(1)} kB as served`);
  console.log(`  report.html     ${(html.length / 1024).toFixed(1)} kB`);
  console.log(`  target          TTI ≤ ${TARGET_MS} ms: ${median(ttis) <= TARGET_MS ? 'met' : 'MISSED'} (median), ${Math.max(...ttis) <= TARGET_MS ? 'met' : 'missed'} (max)`);
} finally {
  await browser.close();
  await gw.stop();
}
