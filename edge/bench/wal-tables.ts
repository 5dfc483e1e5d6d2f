import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { CommandHandler } from '../src/commands/handler.ts';
import { siteCommandModules } from '../src/command-modules.ts';
import { slaKeeper } from '../src/service-levels/sla-keeper.ts';
import { BenchTickets } from './bench-tickets.ts';
import { batched, cast, demoRoomIds, doneTicket } from './fixtures.ts';

/**
 * Which tables and indexes the WAL pages of a rejection belong to: `npx tsx bench/wal-tables.ts
 * [rejections=200] [history=3000]`. The same site as `wal-pages.ts` (the clocks kept as the
 * gateway keeps them), automatic checkpoints off; each frame's page is looked up in `dbstat`.
 * A page written by one commit is one frame however often the commit changed it, so the figure
 * per B-tree is how many distinct pages of it a rejection touches.
 */
const n = Number(process.argv[2] ?? 200);
const history = Number(process.argv[3] ?? 3_000);

const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-wal-tables-'));
try {
  const file = join(dir, 'site.sqlite');
  const db = openDatabase(file);
  const store = new SiteStore(db, 'demo');
  let t = Date.parse('2026-12-04T08:00:00Z');
  const clock = () => new Date((t += 1000)).toISOString();
  await seedDemo(store, clock());
  const handler = new CommandHandler(store, clock, siteCommandModules);
  handler.within(slaKeeper(store));
  const tickets = new BenchTickets(handler);
  const c = cast(store);
  batched(store, () => { for (let i = 0; i < history; i++) { const id = doneTicket(tickets, c, demoRoomIds[i % 15]!, i); tickets.act(c.fiona, id, { type: 'approve' }); } });
  const done = batched(store, () => Array.from({ length: n }, (_, i) => doneTicket(tickets, c, demoRoomIds[i % 15]!, i)));
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  for (const id of done) tickets.act(c.fiona, id, { type: 'reject', reason: 'Not cleaned' });
  // The WAL: a 32-byte header, then frames of a 24-byte header (the page number first) and the page.
  const wal = readFileSync(`${file}-wal`);
  const names = new Map<number, string>();
  for (const row of db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]) names.set(row.pageno, row.name);
  const perTree = new Map<string, number>();
  let frames = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const page = wal.readUInt32BE(at);
    const tree = page === 1 ? '(page 1: the file header, for its page count)' : names.get(page) ?? '(page not in a B-tree now)';
    perTree.set(tree, (perTree.get(tree) ?? 0) + 1);
    frames++;
  }
  console.log(`WAL pages per rejection: ${(frames / n).toFixed(2)} (${n} rejections, ${history} tickets of history)`);
  for (const [tree, count] of [...perTree].sort((a, b) => b[1] - a[1])) console.log(`${(count / n).toFixed(2).padStart(7)}  ${tree}`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
