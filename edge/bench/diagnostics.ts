import net from 'node:net';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { startBareServer } from './bare-server.ts';
import { type HttpBenchResult, type HttpRun, measured } from './http-bench.ts';
import type { LoadGen } from './loadgen-client.ts';
import { tapGateway, type TapStep } from './tap-bench.ts';

/**
 * Section 5, attribution only: the same closed-loop runs with synchronous=NORMAL (no fsync
 * per commit in WAL mode), to show how much of each figure is the disk. The gateway's
 * pragma is switched on the bench's own temp database at run time and restored after;
 * no source is changed and these figures are not the shipped durability.
 */
export async function diagnostics(gw: TestGateway, http: HttpBenchResult, load: LoadGen, conns: number, seconds: number): Promise<HttpRun[]> {
  const out: HttpRun[] = [];
  gw.store.db.pragma('synchronous = NORMAL');
  try {
    out.push(await measured(load, http.commentJob(conns, seconds), 'gateway comment, synchronous=NORMAL', () => gw.store.log.head.seq));
  } finally {
    gw.store.db.pragma('synchronous = FULL');
  }
  const bare = await startBareServer('NORMAL');
  try {
    out.push(await measured(load, {
      kind: 'cannon', scenario: { name: 'bare', base: bare.http }, connections: conns, durationS: seconds,
      mqtt: { url: bare.mqtt, signs: [{ topic: bare.topic, clientId: 'bare-sign' }] },
    }, 'bare, synchronous=NORMAL', () => 0));
  } finally {
    await bare.close();
  }
  return out;
}

/**
 * Section 5c, attribution only: tap-to-sign on a second, fresh gateway whose MQTT listener
 * sets TCP_NODELAY on each accepted socket. The bench wraps `net.createServer` only while
 * that gateway starts (fastify's HTTP server does not go through it), so only the broker's
 * listener is affected; the source is unchanged. Compare with section 3's 100/s step.
 */
export async function tapWithNoDelay(load: LoadGen, rate: number, seconds: number): Promise<TapStep | undefined> {
  const mutable = net as unknown as { createServer: (...args: unknown[]) => net.Server };
  const original = mutable.createServer;
  mutable.createServer = (...args: unknown[]) => {
    const server = original(...args);
    server.on('connection', (socket: net.Socket) => socket.setNoDelay(true));
    return server;
  };
  let gw: TestGateway;
  try {
    gw = await startTestGateway();
  } finally {
    mutable.createServer = original;
  }
  try {
    const [step] = await tapGateway(gw, load, [{ rate, seconds }]);
    return step;
  } finally {
    await gw.stop();
  }
}
