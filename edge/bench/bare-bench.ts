import type { BareServer } from './bare-server.ts';
import type { LoadGen } from './loadgen-client.ts';
import { type Plan, ramp, type TapStep } from './tap-bench.ts';

/** Section 4b: tap-to-sign against the bare fastify → SQLite → aedes pipeline, same plan as the gateway's. */
export async function bareTap(bare: BareServer, load: LoadGen, plan: Plan[]): Promise<TapStep[]> {
  const sign = { topic: bare.topic, clientId: 'bare-sign' };
  let batch = 0;
  return ramp(load, plan, (rate, count) => {
    const b = batch++;
    return {
      kind: 'tap', base: bare.http, mqtt: bare.mqtt, signs: [sign], matchField: 'id', rate, drainMs: 5_000,
      requests: Array.from({ length: count }, (_, i) => ({ key: `t${b}-${i}`, path: `/bare/t${b}-${i}` })),
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Not cleaned' }),
    };
  }, () => '');
}
