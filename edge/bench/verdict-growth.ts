import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Does a verdict cost more when the room holds more open tickets? CPU per command, through
 * the command path as the door panel's buttons reach it (`DeviceEvents.handle`: the panel
 * finds the room's waiting job, then rejects or approves it), at a small and a large backlog
 * per room, for one or two checkouts, all in one process and interleaved in blocks so a busy
 * machine weighs on every side alike. Each block prepares 6 finished jobs per room (untimed),
 * rejects three per room by the button and approves two per room by the button (timed apart),
 * then closes what the block left open (untimed), so the backlog stays where it was.
 * `npx tsx bench/verdict-growth.ts [low=5] [high=100] [blocks=16] [other edge folder]`
 */
const [lowArg, highArg, blocksArg, other] = process.argv.slice(2);
const low = Number(lowArg ?? 5), high = Number(highArg ?? 100), blocks = Number(blocksArg ?? 16);

interface Side { name: string; block: () => Promise<{ reject: number; approve: number }>; stop: () => Promise<void>; reject: number[]; approve: number[] }

async function side(name: string, edge: string, perRoom: number): Promise<Side> {
  const load = (file: string) => import(pathToFileURL(path.resolve(edge, file)).href);
  const { startTestGateway } = await load('src/test-support/test-gateway.ts');
  const { BenchTickets } = await load('bench/bench-tickets.ts');
  const { cast, clearBacklog, demoRoomIds, openTicketIds, prepareDone } = await load('bench/fixtures.ts');
  const gw = await startTestGateway();
  const tickets = new BenchTickets(gw.commands);
  const c = cast(gw.store);
  prepareDone(gw.store, tickets, c, demoRoomIds, perRoom * demoRoomIds.length);
  const keep = new Set(openTicketIds(gw.store));
  const rooms: string[] = demoRoomIds;
  const press = async (action: 'approve' | 'reject', rounds: number) => {
    const cpu0 = process.cpuUsage();
    for (let round = 0; round < rounds; round++) for (const room of rooms) {
      const reply = await gw.deviceEvents.handle({ id: `panel-${room}`, kind: 'panel', room, revoked: false },
        action === 'reject' ? { type: 'button', action, reason: 'Not cleaned' } : { type: 'button', action });
      if (reply?.type !== 'done') throw new Error(`${name}: ${action} in ${room}: ${JSON.stringify(reply)}`);
    }
    const cpu = process.cpuUsage(cpu0);
    return (cpu.user + cpu.system) / (rooms.length * rounds);
  };
  return {
    name: `${name}, ${perRoom} open/room`, reject: [], approve: [],
    async block() {
      prepareDone(gw.store, tickets, c, rooms, rooms.length * 6);
      const reject = await press('reject', 3);
      const approve = await press('approve', 2);
      clearBacklog(gw.store, tickets, c, keep);
      return { reject, approve };
    },
    stop: () => gw.stop(),
  };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

async function main(): Promise<void> {
  const here = path.resolve(import.meta.dirname, '..');
  const sides: Side[] = [];
  for (const [name, edge] of [['this', here], ...(other ? [['other', path.resolve(other)]] : [])] as const) {
    for (const perRoom of [low, high]) sides.push(await side(name, edge, perRoom));
  }
  for (let b = 0; b < blocks + 2; b++) {
    for (const s of b % 2 ? [...sides].reverse() : sides) {
      const r = await s.block();
      if (b >= 2) { s.reject.push(r.reject); s.approve.push(r.approve); }
    }
  }
  for (const s of sides) {
    console.log(`${s.name.padEnd(24)}: CPU per panel reject median ${median(s.reject).toFixed(0)} µs, per panel approve ${median(s.approve).toFixed(0)} µs (${blocks} blocks)`);
  }
  for (let i = 0; i < sides.length; i += 2) {
    const [a, b] = [sides[i]!, sides[i + 1]!];
    console.log(`${b.name} / ${a.name}: reject ${(median(b.reject) / median(a.reject)).toFixed(2)}, approve ${(median(b.approve) / median(a.approve)).toFixed(2)}`);
  }
  for (const s of sides) await s.stop();
}

main().then(() => setTimeout(() => process.exit(0), 300).unref(), (error: unknown) => { console.error(error); process.exit(1); });
