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

describe('service-level rows', () => {
  it('writes a ticket\'s clocks only when they changed', () => {
    // The clocks live in the ticket's row.
    db.exec(`INSERT INTO rooms (id, floor, qr_secret, status, doc) VALUES ('r101', 1, 'qr', 'available', '{}');
      INSERT INTO ticket_rows (id, room, status, is_open, team, priority, due_at, updated_at)
        VALUES ('T-1', 'r101', 'new', 1, 'cleaning', 'normal', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    const kept = { ticket: 'T-1', clocks: clocks(1000), dueAt: '2026-01-01T00:00:01.000Z', paused: false, breached: false };
    expect(written(() => store.serviceLevels.putClocks(kept))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept }))).toBe(0);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true }))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true, clocks: clocks(2000) }))).toBe(1);
    expect(written(() => store.serviceLevels.putClocks({ ...kept, paused: true, clocks: clocks(2000), dueAt: null }))).toBe(1);
    expect(store.serviceLevels.clocks('T-1')).toEqual(clocks(2000));
  });

  it('writes a watched clock only when its due time or urgency changed, and stops watching it', () => {
    expect(written(() => store.slaEscalations.watch('T-1', 'response', 5000, false))).toBe(1);
    expect(written(() => store.slaEscalations.watch('T-1', 'response', 5000, false))).toBe(0);
    expect(written(() => store.slaEscalations.watch('T-1', 'response', 6000, false))).toBe(1);
    expect(written(() => store.slaEscalations.watch('T-1', 'response', 6000, true))).toBe(1);
    expect(store.slaEscalations.due(10_000, true, 10)).toEqual([{ ticket: 'T-1', breach: 'response', dueMs: 6000, urgent: true }]);
    expect(written(() => store.slaEscalations.watch('T-1', 'response', null, true))).toBe(1);
    expect(store.slaEscalations.counts(10_000)).toEqual({ watched: 0, due: 0 });
  });

  it('finds the urgent tickets\' clocks run out, soonest first, by an index of those alone', () => {
    store.slaEscalations.watch('T-1', 'resolution', 3000, false);
    store.slaEscalations.watch('T-2', 'response', 2000, true);
    store.slaEscalations.watch('T-3', 'response', 1000, true);
    store.slaEscalations.watch('T-4', 'response', 9000, true);
    expect(store.slaEscalations.due(5000, true, 10).map((w) => w.ticket)).toEqual(['T-3', 'T-2']);
    expect(store.slaEscalations.due(5000, false, 10).map((w) => w.ticket)).toEqual(['T-3', 'T-2', 'T-1']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT ticket FROM sla_watch WHERE urgent = 1 AND due_ms <= ? ORDER BY due_ms LIMIT ?').all(5000, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('sla_watch_urgent_due');
  });
});
