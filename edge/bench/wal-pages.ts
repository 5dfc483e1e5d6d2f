import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { CommandHandler } from '../src/commands/handler.ts';
import { siteCommandModules } from '../src/command-modules.ts';
import { slaKeeper } from '../src/service-levels/sla-keeper.ts';
import { BenchTickets } from './bench-tickets.ts';
import { batched, cast, demoRoomIds, doneTicket, openAssigned } from './fixtures.ts';

/** WAL frames and bytes one commit adds, averaged over many. */
export interface WalCost { pages: number; bytes: number; pageSize: number }
export interface WalPages { reject: WalCost; comment: WalCost; bare: WalCost }

// With automatic checkpoints off the WAL only grows, so its size counts the frames written:
// a 32-byte header, then one 24-byte header and one page per frame.
function walMeter(file: string, pageSize: number) {
  const size = () => { try { return statSync(`${file}-wal`).size; } catch { return 0; } };
  return (n: number, work: () => void): WalCost => {
    const before = size();
    work();
    const bytes = (size() - before) / n;
    return { pages: bytes / (pageSize + 24), bytes, pageSize };
  };
}

/**
 * WAL pages each command's commit writes, on a fresh demo site with some history behind it:
 * a rejection (through the command handler with the clocks kept as the gateway keeps them, one
 * transaction each), a comment, and the bare
 * pipeline's single-row insert. Untimed; the figure is what the fsync has to carry.
 */
export async function walPages(n = 300, history = 3_000): Promise<WalPages> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-wal-'));
  try {
    const file = join(dir, 'site.sqlite');
    const db = openDatabase(file);
    const store = new SiteStore(db, 'demo');
    let t = Date.parse('2026-12-04T08:00:00Z');
    const clock = () => new Date((t += 1000)).toISOString();
    await seedDemo(store, clock());
    const handler = new CommandHandler(store, clock, siteCommandModules);
    // As the gateway does: every ticket change keeps its service-level clocks in the same transaction.
    handler.within(slaKeeper(store));
    const tickets = new BenchTickets(handler);
    const c = cast(store);
    // Some history first, so the tables and indexes are more than one page deep.
    batched(store, () => { for (let i = 0; i < history; i++) { const id = doneTicket(tickets, c, demoRoomIds[i % 15]!, i); tickets.act(c.fiona, id, { type: 'approve' }); } });
    const done = batched(store, () => Array.from({ length: n }, (_, i) => doneTicket(tickets, c, demoRoomIds[i % 15]!, i)));
    const open = batched(store, () => demoRoomIds.map((room, i) => openAssigned(tickets, c, room, i)));
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const meter = walMeter(file, db.pragma('page_size', { simple: true }) as number);
    const reject = meter(n, () => { for (const id of done) tickets.act(c.fiona, id, { type: 'reject', reason: 'Not cleaned' }); });
    const comment = meter(n, () => { for (let i = 0; i < n; i++) tickets.act(c.sofia, open[i % open.length]!, { type: 'comment', text: `Checked ${i}`, internal: true }); });
    store.close();

    const bareFile = join(dir, 'bare.sqlite');
    const bare = new Database(bareFile);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.pragma('wal_autocheckpoint = 0');
    bare.exec('CREATE TABLE writes (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL)');
    const insert = bare.prepare('INSERT INTO writes (at, id, body) VALUES (?, ?, ?)');
    const body = JSON.stringify({ text: 'x'.repeat(40) });
    for (let i = 0; i < history; i++) insert.run(new Date().toISOString(), `b${i}`, body);
    bare.pragma('wal_checkpoint(TRUNCATE)');
    const bareMeter = walMeter(bareFile, bare.pragma('page_size', { simple: true }) as number);
    const bareCost = bareMeter(n, () => { for (let i = 0; i < n; i++) insert.run(new Date().toISOString(), `b${i}`, body); });
    bare.close();
    return { reject, comment, bare: bareCost };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cost = (x: WalCost) => `${x.pages.toFixed(1)} pages (${Math.round(x.bytes).toLocaleString('en')} B)`;

export function describeWal(r: WalPages): string {
  return `  WAL written per commit (page ${r.bare.pageSize} B): rejection ${cost(r.reject)}, comment ${cost(r.comment)}, ` +
    `bare insert ${cost(r.bare)}; rejection / bare ${(r.reject.pages / r.bare.pages).toFixed(1)}x`;
}

// `npx tsx bench/wal-pages.ts` prints the figure alone.
if (process.argv[1]?.endsWith('wal-pages.ts')) console.log(describeWal(await walPages()));
