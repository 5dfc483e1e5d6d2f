import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './database.sqlite.ts';
import { SiteStore } from './site-store.ts';

let dir: string;
let db: Db;
let store: SiteStore;
const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
/** Rows the work wrote (inserted, updated or deleted). */
const written = (work: () => void) => { const before = changes(); work(); return changes() - before; };
const clocks = (dueMs: number) => ({ response: { state: 'running', dueMs }, resolution: { state: 'running', dueMs: dueMs + 1 } });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-sla-rows-'));
  db = openDatabase(join(dir, 'site.sqlite'));
  store = new SiteStore(db, 'demo');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A ticket's row, where its clocks and watched time are kept. */
function ticketRow(id: string, priority = 'normal'): void {
  db.prepare(`INSERT INTO ticket_rows (id, room, status, is_open, team, priority, due_at, updated_at)
    VALUES (?, 'r101', 'new', 1, 'cleaning', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run(id, priority);
}

describe('service-level rows', () => {
  beforeEach(() => {
    db.exec("INSERT INTO rooms (id, floor, qr_secret, status, doc) VALUES ('r101', 1, 'qr', 'available', '{}')");
  });

  it('writes a ticket\'s clocks only when they changed', () => {
    ticketRow('T-1');
    const kept = { ticket: 'T-1', clocks: clocks(1000), dueAt: '2026-01-01T00:00:01.000Z', paused: false, breached: false, watchMs: null };
    expect(written(() => store.serviceLevels.putClocks(kept))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept }))).toBe(0);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true }))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true, clocks: clocks(2000) }))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true, clocks: clocks(2000), dueAt: null }))).toBe(1);
    expect(store.serviceLevels.clocks('T-1')).toEqual(clocks(2000));
  });

  it('writes a ticket\'s watched time only when it changed, and stops watching it', () => {
    ticketRow('T-1');
    const kept = { ticket: 'T-1', clocks: clocks(5000), dueAt: '2026-01-01T00:00:05.000Z', paused: false, breached: false, watchMs: 5000 };
    expect(written(() => store.serviceLevels.putClocks(kept))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept }))).toBe(0);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, watchMs: 6000 }))).toBe(1);
    expect(store.slaEscalations.due(10_000, false, 10)).toEqual([{ ticket: 'T-1', status: 'new', urgent: false, clocks: clocks(5000), watchMs: 6000 }]);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, watchMs: null }))).toBe(1);
    expect(store.slaEscalations.counts(10_000)).toEqual({ watched: 0, due: 0 });
  });

  it('finds the urgent tickets\' watched times come, soonest first, by the watch index', () => {
    const watch = (id: string, priority: string, watchMs: number) => {
      ticketRow(id, priority);
      store.serviceLevels.putClocks({ ticket: id, clocks: clocks(watchMs), dueAt: null, paused: false, breached: false, watchMs });
    };
    watch('T-1', 'normal', 3000);
    watch('T-2', 'urgent', 2000);
    watch('T-3', 'urgent', 1000);
    watch('T-4', 'urgent', 9000);
    expect(store.slaEscalations.due(5000, true, 10).map((w) => w.ticket)).toEqual(['T-3', 'T-2']);
    expect(store.slaEscalations.due(5000, false, 10).map((w) => w.ticket)).toEqual(['T-3', 'T-2', 'T-1']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM ticket_rows WHERE sla_watch_ms <= ? AND priority = 'urgent'
      AND sla IS NOT NULL ORDER BY sla_watch_ms, id LIMIT ?`).all(5000, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('ticket_rows_sla_watch');
  });
});
