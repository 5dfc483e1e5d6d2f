import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { BenchTickets } from './bench-tickets.ts';
import { cast, clearBacklog, demoRoomIds, openPerRoom, openTicketIds, prepareDone } from './fixtures.ts';
import { rejectPoster } from './reject-post.ts';

/**
 * Does a rejection cost more when the room holds more open tickets? Two gateways in one
 * process, one whose 15 rooms each hold `low` open (done) tickets, one `high`; the closed loop
 * of `reject-loop.ts` (one rejection in flight, fiona over HTTP) runs a block of `per`
 * rejections on each in turn, alternating which goes first, and each block's rejected tickets
 * and follow-ups are closed again afterwards (untimed), so the backlog stays where it was.
 * `npx tsx bench/reject-growth.ts [low=5] [high=100] [blocks=20] [per=60]`; prints the median
 * CPU µs per rejection of each side and their ratio.
 */
const [low = 5, high = 100, blocks = 20, per = 60] = process.argv.slice(2).map(Number);

interface Side { name: string; gw: TestGateway; post: (id: string) => Promise<number>; keep: Set<string>; cpu: number[] }

async function side(openPerRoomWanted: number): Promise<Side> {
  const gw = await startTestGateway();
  const tickets = new BenchTickets(gw.commands);
  prepareDone(gw.store, tickets, cast(gw.store), demoRoomIds, openPerRoomWanted * demoRoomIds.length);
  const keep = new Set(openTicketIds(gw.store));
  const cookie = await gw.login('fiona');
  const { post } = rejectPoster(gw.http, cookie);
  return { name: `${openPerRoomWanted} open/room`, gw, post, keep, cpu: [] };
}

async function block(s: Side, measure: boolean): Promise<void> {
  const tickets = new BenchTickets(s.gw.commands);
  const c = cast(s.gw.store);
  const ids = prepareDone(s.gw.store, tickets, c, demoRoomIds, per).map((d) => d.id);
  const cpu0 = process.cpuUsage();
  for (const id of ids) {
    const status = await s.post(id);
    if (status !== 200) throw new Error(`${s.name}: reject ${id}: ${status}`);
  }
  const cpu = process.cpuUsage(cpu0);
  if (measure) s.cpu.push((cpu.user + cpu.system) / per);
  clearBacklog(s.gw.store, tickets, c, s.keep);
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

async function main(): Promise<void> {
  const a = await side(low);
  const b = await side(high);
  for (const s of [a, b]) for (let w = 0; w < 2; w++) await block(s, false);
  for (let i = 0; i < blocks; i++) for (const s of i % 2 ? [b, a] : [a, b]) await block(s, true);
  for (const s of [a, b]) {
    const rows = s.gw.store.db.prepare('SELECT count(*) AS n FROM ticket_rows').get() as { n: number };
    console.log(`${s.name.padEnd(14)}: CPU per rejection median ${median(s.cpu).toFixed(0)} µs (${blocks} blocks of ${per}); ` +
      `open per room now ${openPerRoom(s.gw.store).max}, tickets in the site ${rows.n}`);
  }
  console.log(`high/low: ${(median(b.cpu) / median(a.cpu)).toFixed(3)}`);
  await a.gw.stop();
  await b.gw.stop();
}

main().then(() => setTimeout(() => process.exit(0), 300).unref(), (error: unknown) => { console.error(error); process.exit(1); });
