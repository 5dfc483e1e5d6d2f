import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChainRow, verifyChain } from '../src/store/hash-chain.ts';

const writerScript = join(import.meta.dirname, 'fixtures', 'load-writer.ts');
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Starts the load writer on a fresh data dir and resolves once it says `ready`. */
async function startWriter() {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-crash-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', writerScript, dir], { stdio: 'pipe' });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  cleanups.push(() => { child.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready')) resolve();
    });
    void exited.then(([code]) => reject(new Error(`the writer exited (${code}) before it was ready: ${stderr}`)));
  });
  return { dir, child, exited, stderr: () => stderr };
}

/** The newest event's state per entity, for entities whose key starts with the prefix. */
function lastStates(db: Database.Database, prefix: string, types: string[]): Map<string, unknown> {
  const rows = db.prepare<unknown[], { entity: string; state: string }>(`
    SELECT entity, state FROM events WHERE seq IN (
      SELECT max(seq) FROM events WHERE entity LIKE ? AND type IN (${types.map(() => '?').join(', ')}) GROUP BY entity)`)
    .all(`${prefix}%`, ...types);
  return new Map(rows.map((r) => [r.entity.slice(prefix.length), JSON.parse(r.state)]));
}

function rowsById(db: Database.Database, table: 'tickets' | 'rooms'): Map<string, unknown> {
  const rows = db.prepare<[], { id: string; status: string; doc: string }>(`SELECT id, status, doc FROM ${table}`).all();
  for (const row of rows) expect(JSON.parse(row.doc).status, `${table} ${row.id}: status column vs doc`).toBe(row.status);
  return new Map(rows.map((r) => [r.id, JSON.parse(r.doc)]));
}

describe('a gateway store killed with SIGKILL in the middle of heavy writing', () => {
  // Early, middle and late in the writer's run; each moment is random within its range.
  it.each([
    ['right after ready', 0, 50],
    ['a little later', 100, 400],
    ['well into the load', 600, 1_200],
  ] as const)('keeps the chain intact and every row equal to its last event when killed %s', async (_moment, minMs, maxMs) => {
    const writer = await startWriter();
    await sleep(minMs + Math.random() * (maxMs - minMs));

    writer.child.kill('SIGKILL');
    const [, signal] = await writer.exited;

    expect(signal).toBe('SIGKILL');
    expect(writer.stderr()).toBe('');
    const db = new Database(join(writer.dir, 'demo.sqlite'));
    cleanups.push(() => db.close());
    const chain = verifyChain(db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>);
    expect(chain).toMatchObject({ ok: true, firstBadSeq: null });
    expect(chain.checked).toBeGreaterThan(300);
    const tickets = rowsById(db, 'tickets');
    expect(tickets.size).toBeGreaterThan(50);
    const ticketEvents = lastStates(db, 'ticket:', ['ticket-opened', 'ticket-assigned', 'ticket-claimed', 'ticket-transferred',
      'ticket-started', 'ticket-completed', 'ticket-approved', 'ticket-rejected', 'ticket-escalated', 'ticket-cancelled', 'ticket-commented']);
    expect(ticketEvents.size).toBe((db.prepare("SELECT count(DISTINCT entity) AS n FROM events WHERE entity LIKE 'ticket:%'").get() as { n: number }).n);
    expect([...tickets.keys()].sort()).toEqual([...ticketEvents.keys()].sort());
    for (const [id, ticket] of tickets) expect(ticket, `ticket ${id}`).toEqual(ticketEvents.get(id));
    const rooms = rowsById(db, 'rooms');
    const roomEvents = lastStates(db, 'room:', ['room-created', 'room-status-changed']);
    expect([...rooms.keys()].sort()).toEqual([...roomEvents.keys()].sort());
    // A room's event carries its alternative as the sign saw it; the row keeps it as a reference beside the document.
    const withoutAlternative = (state: unknown) => { const { alternative: _seen, ...rest } = state as Record<string, unknown>; return rest; };
    for (const [id, room] of rooms) expect(room, `room ${id}`).toEqual(withoutAlternative(roomEvents.get(id)));
    expect(db.prepare("SELECT count(*) AS n FROM events WHERE type = 'room-status-changed'").get()).not.toEqual({ n: 0 });
  });
});
