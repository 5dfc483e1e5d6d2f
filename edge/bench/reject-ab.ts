import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rejectPoster } from './reject-post.ts';

/**
 * CPU per rejection of two checkouts of the gateway in one process, interleaved in blocks, so a
 * busy machine weighs on both alike: `npx tsx bench/reject-ab.ts <other edge folder> [blocks=20]
 * [per block=100]`. Each side is its own gateway (own SQLite file, broker, HTTP server) loaded
 * from its own folder; the closed loop of `reject-loop.ts` (one rejection in flight, fiona over
 * HTTP) runs a block on one side, then on the other, alternating which goes first. Prints the
 * median and mean CPU µs per rejection of each side and their ratio. With `[gap ms]`, each
 * rejection waits that long first, so it meets the cold caches a door tap meets (blocks of 1 and a
 * gap of 8 ms come close to the tap bench's 100/s). The side loaded first runs a few per cent
 * slower on the same code: swap the folders and take both runs.
 */
const [other, blocksArg, perArg, gapArg] = process.argv.slice(2);
if (!other) throw new Error('usage: reject-ab.ts <other edge folder> [blocks] [per block] [gap ms]');
const blocks = Number(blocksArg ?? 20);
const per = Number(perArg ?? 100);
const gap = Number(gapArg ?? 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Side { name: string; post: (id: string) => Promise<number>; ids: string[]; stop: () => Promise<void>; cpu: number[] }

async function side(name: string, edge: string): Promise<Side> {
  const load = (file: string) => import(pathToFileURL(path.resolve(edge, file)).href);
  const { startTestGateway } = await load('src/test-support/test-gateway.ts');
  const { BenchTickets } = await load('bench/bench-tickets.ts');
  const { cast, demoRoomIds, prepareDone } = await load('bench/fixtures.ts');
  const gw = await startTestGateway();
  const cookie: string = await gw.login('fiona');
  const done: { id: string }[] = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, (blocks + 2) * per);
  const { post, close } = rejectPoster(gw.http, cookie);
  return { name, post, ids: done.map((d) => d.id), stop: async () => { close(); await gw.stop(); }, cpu: [] };
}

async function block(s: Side, measure: boolean): Promise<void> {
  const ids = s.ids.splice(0, per);
  let cpu0 = process.cpuUsage();
  for (const id of ids) {
    if (gap > 0) {
      const spent = process.cpuUsage(cpu0); // on this block's rejections so far
      await pause(gap);
      const now = process.cpuUsage();
      cpu0 = { user: now.user - spent.user, system: now.system - spent.system }; // the pause's own CPU left out
    }
    const status = await s.post(id);
    if (status !== 200) throw new Error(`${s.name}: reject ${id}: ${status}`);
  }
  const cpu = process.cpuUsage(cpu0);
  if (measure) s.cpu.push((cpu.user + cpu.system) / per);
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const here = await side('this', path.resolve(import.meta.dirname, '..'));
  const there = await side('other', path.resolve(other!));
  for (const s of [here, there]) for (let w = 0; w < 2; w++) await block(s, false); // warm-up
  for (let b = 0; b < blocks; b++) {
    const order = b % 2 ? [there, here] : [here, there];
    for (const s of order) await block(s, true);
  }
  for (const s of [here, there]) {
    console.log(`${s.name.padEnd(5)}: CPU per rejection median ${median(s.cpu).toFixed(0)} µs, mean ${mean(s.cpu).toFixed(0)} µs (${blocks} blocks of ${per})`);
  }
  console.log(`this/other: median ${(median(here.cpu) / median(there.cpu)).toFixed(3)}, mean ${(mean(here.cpu) / mean(there.cpu)).toFixed(3)}`);
  await here.stop();
  await there.stop();
}

main().then(() => setTimeout(() => process.exit(0), 300).unref(), (error: unknown) => { console.error(error); process.exit(1); });
