import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.sqlite.ts';
import { SiteStore, type Tx } from './site-store.ts';

let dir: string;
let store: SiteStore;
let reader: Database.Database;
const T = '2026-01-01T00:00:00.000Z';
const write = (text: string) => (tx: Tx) => tx.record('note-written', 'note:1', { text });
const note = (text: string) => () => store.transact('user:ana', T, write(text));
const batched = (text: string) => store.batch('user:ana', () => T, write(text));
const persisted = () => (reader.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-store-'));
  store = new SiteStore(openDatabase(join(dir, 'site.sqlite')), 'demo');
  reader = new Database(join(dir, 'site.sqlite'), { readonly: true });
});
afterEach(() => {
  reader.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('commits changes asked for together and answers each once they are on disk', async () => {
    const seenAtAnswer: number[] = [];

    await Promise.all(['a', 'b', 'c'].map((t) => batched(t).then(() => seenAtAnswer.push(persisted()))));

    expect(seenAtAnswer).toEqual([3, 3, 3]);
    expect(store.log.verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('rolls back a refused change alone and keeps the chain whole', async () => {
    const refused = store.batch('user:ana', () => T, (tx) => { tx.record('note-written', 'note:2', {}); throw new Error('refused'); });

    const results = await Promise.allSettled([batched('a'), refused, batched('c')]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(persisted()).toBe(2);
    expect(store.log.verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it('rolls back a refused change that came alone, answers it, and takes the next one', async () => {
    const heard: number[] = [];
    store.onCommit(({ events }) => heard.push(events.length));
    const refused = store.batch('user:ana', () => T, (tx) => { tx.record('note-written', 'note:2', {}); throw new Error('refused'); });

    await expect(refused).rejects.toThrow('refused');
    expect(persisted()).toBe(0);
    expect(store.log.head.seq).toBe(0);
    await batched('next');

    expect(persisted()).toBe(1);
    expect(heard).toEqual([1]);
    expect(store.log.verify()).toMatchObject({ ok: true, checked: 1 });
  });

  it('reads the time when the transaction runs, and hands it to the work', async () => {
    let asked = 0;
    const at = await store.batch('user:ana', () => `2026-01-01T00:00:0${++asked}.000Z`, (tx, now) => { tx.record('note-written', 'note:1', {}); return now; });

    expect(at).toBe('2026-01-01T00:00:01.000Z');
    expect(asked).toBe(1);
    expect(reader.prepare('SELECT at FROM events').get()).toEqual({ at });
  });

  it('tells listeners of a change only after the batch has committed', async () => {
    const visibleWhenHeard: number[] = [];
    store.onCommit(() => visibleWhenHeard.push(persisted()));

    await Promise.all([batched('a'), batched('b')]);

    expect(visibleWhenHeard).toEqual([2, 2]);
  });
});

describe('a log written by another process meanwhile', () => {
  it('refuses the write with LOG_MOVED, keeps the chain whole, and takes the next write', async () => {
    await batched('ours');
    const other = new SiteStore(openDatabase(join(dir, 'site.sqlite')), 'demo');
    other.transact('user:ben', T, (tx) => tx.record('note-written', 'note:9', { text: 'theirs' }));
    other.close();

    const moved = await batched('ours again').catch((error: unknown) => error);
    const next = await batched('after re-reading').then(() => 'written', (error: unknown) => error);

    expect(moved).toMatchObject({ code: 'LOG_MOVED', status: 503 });
    expect(next).toBe('written');
    expect(persisted()).toBe(3);
    expect(store.log.head.seq).toBe(3);
    expect(store.log.verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('re-reads the head after a refused write outside a batch too', () => {
    note('ours')();
    const other = new SiteStore(openDatabase(join(dir, 'site.sqlite')), 'demo');
    other.transact('user:ben', T, (tx) => tx.record('note-written', 'note:9', { text: 'theirs' }));
    other.close();

    expect(note('ours again')).toThrow(expect.objectContaining({ code: 'LOG_MOVED' }));
    note('after re-reading')();

    expect(store.log.verify()).toMatchObject({ ok: true, checked: 3 });
  });
  it('after the log moved, hands out ticket numbers past those the other process gave', () => {
    const numbers: string[] = [];
    const ticketNote = () => store.transact('user:ana', T, (tx) => { numbers.push(tx.nextTicketId()); tx.record('note-written', 'note:1', {}); });
    ticketNote();
    const other = new SiteStore(openDatabase(join(dir, 'site.sqlite')), 'demo');
    other.transact('user:ben', T, (tx) => tx.record('note-written', 'note:9', { text: 'theirs' }));
    other.close();
    const raw = new Database(join(dir, 'site.sqlite'));
    raw.pragma('foreign_keys = OFF'); // a bare ticket row, without the room it would name
    raw.prepare("INSERT INTO ticket_rows (id, room, status, is_open, team, priority, due_at, updated_at) VALUES ('T-1007', 'r101', 'new', 1, 'cleaning', 'normal', ?, ?)").run(T, T);
    raw.close();

    expect(ticketNote).toThrow(expect.objectContaining({ code: 'LOG_MOVED' }));
    ticketNote();

    expect(numbers).toEqual(['T-1001', 'T-1002', 'T-1008']);
  });
});
