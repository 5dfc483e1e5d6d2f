import type { Statement } from 'better-sqlite3';
import { startTestGateway } from '../src/test-support/test-gateway.ts';
import { BenchTickets } from './bench-tickets.ts';
import { cast, demoRoomIds, prepareDone } from './fixtures.ts';
import { rejectPoster } from './reject-post.ts';

/**
 * The SQL statements one rejection over HTTP runs, each with how many times per rejection:
 * `npx tsx bench/statement-count.ts [count=20]`. Counts every call of a prepared statement's
 * `run`, `get`, `all` and `iterate` on the gateway's connection (the transaction's BEGIN and
 * COMMIT included) while fiona rejects `count` finished jobs, after ten untimed ones.
 */
const count = Number(process.argv[2] ?? 20);

async function main(): Promise<void> {
  const gw = await startTestGateway();
  const cookie = await gw.login('fiona');
  const done = prepareDone(gw.store, new BenchTickets(gw.commands), cast(gw.store), demoRoomIds, count + 10);
  const { post, close } = rejectPoster(gw.http, cookie);
  for (const d of done.slice(0, 10)) await post(d.id);
  const counts = new Map<string, number>();
  const proto = Object.getPrototypeOf(gw.store.db.prepare('SELECT 1')) as Record<string, (this: Statement, ...args: unknown[]) => unknown>;
  const originals = new Map<string, (this: Statement, ...args: unknown[]) => unknown>();
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method]!;
    originals.set(method, original);
    proto[method] = function (this: Statement, ...args: unknown[]) {
      const key = `${method} ${this.source.replace(/\s+/g, ' ').trim().slice(0, 100)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
  try {
    for (const d of done.slice(10)) {
      const status = await post(d.id);
      if (status !== 200) throw new Error(`reject ${d.id}: ${status}`);
    }
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  let total = 0;
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    total += n;
    console.log(`${(n / count).toFixed(2).padStart(6)}  ${key}`);
  }
  console.log(`${(total / count).toFixed(2).padStart(6)}  statements per rejection`);
  close();
  await gw.stop();
}

main().then(() => setTimeout(() => process.exit(0), 300).unref(), (error: unknown) => { console.error(error); process.exit(1); });
