import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { startTestGateway } from '../src/test-support/test-gateway.ts';

/**
 * Orders per second on one gateway (slot check, pricing, ticket, order row and their events in
 * one transaction, through HTTP), beside a bare node:http + SQLite server that does only a
 * count-and-insert per request; and the 200-into-3 burst. Section 9 of `npm run bench`; alone:
 * `npx tsx bench/orders-bench.ts [seconds] [concurrency]`.
 */
export interface OrdersFigures {
  seconds: number;
  concurrency: number;
  gateway: { perSecond: number; ok: number };
  bare: { perSecond: number; ok: number };
  burst: { ms: number; created: number; refused: number };
}

let seconds = 5;
let concurrency = 16;

async function drive(post: (i: number) => Promise<number>): Promise<{ perSecond: number; ok: number }> {
  let i = 0;
  let ok = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) if ((await post(i++)) < 300) ok++;
  }));
  return { perSecond: ok / seconds, ok };
}

async function bare() {
  const dir = mkdtempSync(join(tmpdir(), 'orders-bare-'));
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, slot TEXT NOT NULL, doc TEXT NOT NULL); CREATE INDEX o_slot ON orders (slot)');
  const count = db.prepare('SELECT count(*) AS n FROM orders WHERE slot = ?');
  const insert = db.prepare('INSERT INTO orders (slot, doc) VALUES (?, ?)');
  const book = db.transaction((slot: string, doc: string) => {
    if ((count.get(slot) as { n: number }).n >= 1_000_000) return false;
    insert.run(slot, doc);
    return true;
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { slot: string };
      res.writeHead(book(parsed.slot, body) ? 201 : 409, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const result = await drive(async (i) => (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify({ slot: 's1', i }) })).status);
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

async function gateway() {
  const now = '2026-12-04T09:00:00.000Z';
  const gw = await startTestGateway({ clock: () => now });
  const admin = await gw.login('admin');
  const put = (path: string, body: unknown) => gw.call('PUT', path, { cookie: admin, body });
  await put('/api/services/bench', { name: 'Bench', category: 'climate', durationMinutes: 30, price: { kind: 'fixed', amount: 10_000 }, paymentMode: 'after-service' });
  await put('/api/services/bench/slots', { timeZone: 'UTC', rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], times: ['10:00'], capacity: 1000 }, { weekdays: [1], times: ['11:00'], capacity: 3 }], leadMinutes: 0 });
  const k = new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')!;
  const url = `${gw.http}/api/rooms/r201/orders?k=${k}`;
  const days = Array.from({ length: 60 }, (_, d) => new Date(Date.parse('2026-12-05T10:00:00Z') + d * 86_400_000).toISOString());
  const post = (slot: string, i: number) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'bench', slot, contact: { name: `B ${i}`, phone: '+4722334455' } }) });
  const sustained = await drive(async (i) => (await post(days[Math.floor(i / 900) % days.length]!, i)).status);
  const started = performance.now();
  const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => post('2026-12-07T11:00:00Z', i).then((r) => r.status)));
  const burstMs = performance.now() - started;
  await gw.stop();
  return { sustained, burstMs, created: burst.filter((s) => s === 201).length, refused: burst.filter((s) => s === 409).length };
}

/** The bare baseline first, then the gateway, one after the other so neither shares the cores with the other. */
export async function ordersBench(options: { seconds: number; concurrency: number }): Promise<OrdersFigures> {
  ({ seconds, concurrency } = options);
  const base = await bare();
  const gw = await gateway();
  return { seconds, concurrency, gateway: gw.sustained, bare: base, burst: { ms: gw.burstMs, created: gw.created, refused: gw.refused } };
}

export function describeOrders(f: OrdersFigures): string {
  return [
    `  orders/s sustained (${f.concurrency} at a time, ${f.seconds} s): gateway ${f.gateway.perSecond.toFixed(0)}, bare node:http + SQLite ${f.bare.perSecond.toFixed(0)} (${(f.bare.perSecond / f.gateway.perSecond).toFixed(1)}×)`,
    `  200 simultaneous bookings into a slot of 3: ${f.burst.ms.toFixed(0)} ms (${(200 / (f.burst.ms / 1000)).toFixed(0)} answers/s), ${f.burst.created} created, ${f.burst.refused} refused 409`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(describeOrders(await ordersBench({ seconds: Number(process.argv[2] ?? 5), concurrency: Number(process.argv[3] ?? 16) })));
}
