import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { BenchTickets } from './bench-tickets.ts';
import { cast, demoRoomIds, prepareDone } from './fixtures.ts';
import { rejectPoster } from './reject-post.ts';

/**
 * Closed loop, one rejection in flight, client in this process: the mean wall time and the
 * gateway process's CPU time per rejection over HTTP (answer received; the sign's publish is
 * part of the same turn). `npx tsx bench/reject-loop.ts [count=2000]`; run it with
 * `node --cpu-prof` through tsx to see where the CPU goes. Not durable-fsync-free: each
 * rejection is one commit.
 */
const count = Number(process.argv[2] ?? 2000);

async function main(): Promise<void> {
  const gw = await startTestGateway();
  const cookie = await gw.login('fiona');
  const done = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, count + 200);
  const { post, close } = rejectPoster(gw.http, cookie);
  for (const d of done.slice(0, 200)) await post(d.id); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const times: number[] = [];
  for (const d of done.slice(200)) {
    const s = performance.now();
    const status = await post(d.id);
    if (status !== 200) throw new Error(`reject ${d.id}: ${status}`);
    times.push(performance.now() - s);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  console.log(`${count} rejections: mean ${(wall / count).toFixed(3)} ms, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; ` +
    `CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms each (user ${(cpu.user / 1000 / count).toFixed(3)})`);
  close();
  await gw.stop();
}

main().then(() => setTimeout(() => process.exit(0), 300).unref(), (error: unknown) => { console.error(error); process.exit(1); });
