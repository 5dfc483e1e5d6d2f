import http from 'node:http';
import net from 'node:net';
import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { BenchTickets } from './bench-tickets.ts';
import { cast, demoRoomIds, prepareDone } from './fixtures.ts';
import { demoSigns } from './signs.ts';
import { connectSigns } from './tap.ts';

/**
 * Which the gateway writes first after a rejection commits: the room's status to its sign
 * (MQTT) or the HTTP answer, and how far apart. One rejection at a time, all 15 signs
 * subscribed; the gateway's socket writes are timed from the request being sent.
 * `npx tsx bench/sign-order.ts [count=200]`. The client runs in this process, so absolute
 * times include its own work; the order and the gap are what this measures.
 */
const count = Number(process.argv[2] ?? 200);

const gw = await startTestGateway();
const cookie = await gw.login('fiona');
const done = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, count + 100);
const clients = await connectSigns(gw.mqtt, demoSigns(gw, demoRoomIds), () => {});
const ports = { mqtt: Number(new URL(gw.mqtt).port), http: Number(new URL(gw.http).port) };
let started = 0;
const first: { mqtt?: number; http?: number } = {};
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
  const which = this.localPort === ports.mqtt ? 'mqtt' : this.localPort === ports.http ? 'http' : undefined;
  if (started && which && first[which] === undefined) first[which] = performance.now() - started;
  return (write as (...a: unknown[]) => boolean).apply(this, args);
} as typeof write;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const url = new URL(gw.http);
const body = JSON.stringify({ reason: 'Not cleaned' });
const post = (id: string) => new Promise<void>((resolve, reject) => {
  const req = http.request({ host: url.hostname, port: url.port, agent, method: 'POST', path: `/api/tickets/${id}/reject`,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => { res.resume(); res.on('end', () => resolve()); });
  req.on('error', reject);
  req.end(body);
});
for (const d of done.slice(0, 100)) await post(d.id); // warm-up
const gaps: number[] = [];
for (const d of done.slice(100)) {
  delete first.mqtt; delete first.http;
  started = performance.now();
  await post(d.id);
  await new Promise((resolve) => setTimeout(resolve, 5));
  started = 0;
  gaps.push(first.mqtt! - first.http!);
}
gaps.sort((a, b) => a - b);
console.log(`${count} rejections: sign written before the HTTP answer in ${gaps.filter((g) => g < 0).length}; ` +
  `sign write minus answer write, median ${gaps[gaps.length >> 1]!.toFixed(3)} ms`);
for (const c of clients) await c.endAsync();
agent.destroy();
await gw.stop();
process.exit(0);
