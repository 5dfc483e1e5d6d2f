import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { bareTap } from './bare-bench.ts';
import { startBareServer } from './bare-server.ts';
import { LoadGen } from './loadgen-client.ts';
import { ms } from './stats.ts';
import { tapGateway } from './tap-bench.ts';

/**
 * Tap-to-sign at one rate, gateway and bare pipeline interleaved (gateway, bare, bare,
 * gateway, …) in the same process, so a busy machine weighs on both alike.
 * `npx tsx bench/tap-pair.ts [rounds=3] [seconds=5] [rate=100]`; prints each step and the
 * median of the rounds' p50 and p99 with their ratios.
 */
const [rounds = 3, seconds = 5, rate = 100] = process.argv.slice(2).map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const load = await LoadGen.start();
  const gw = await startTestGateway();
  const bare = await startBareServer();
  const plan = [{ rate, seconds }];
  const g: { p50: number; p99: number }[] = [];
  const b: { p50: number; p99: number }[] = [];
  try {
    // One untimed warm-up each.
    await tapGateway(gw, load, [{ rate, seconds: 1 }]);
    await bareTap(bare, load, [{ rate, seconds: 1 }]);
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? ['gw', 'bare'] : ['bare', 'gw'];
      for (const which of order) {
        const [step] = which === 'gw' ? await tapGateway(gw, load, plan) : await bareTap(bare, load, plan);
        (which === 'gw' ? g : b).push({ p50: step!.toSign.p50, p99: step!.toSign.p99 });
      }
    }
  } finally {
    await bare.close();
    await gw.stop();
    await load.stop();
  }
  const gp50 = median(g.map((x) => x.p50)), gp99 = median(g.map((x) => x.p99));
  const bp50 = median(b.map((x) => x.p50)), bp99 = median(b.map((x) => x.p99));
  console.log(`\nmedian of ${rounds} rounds at ${rate}/s: gateway p50 ${ms(gp50)} p99 ${ms(gp99)}; bare p50 ${ms(bp50)} p99 ${ms(bp99)}; ` +
    `ratios p50 ${(gp50 / bp50).toFixed(2)} p99 ${(gp99 / bp99).toFixed(2)}`);
}

main().then(() => setTimeout(() => process.exit(0), 500).unref(), (error: unknown) => { console.error(error); process.exit(1); });
