import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.sqlite.ts';
import { migrate, migrations } from './migrations.ts';

let dir: string;
let file: string;
const ticket = { id: 'T-1001', room: 'r101', status: 'rejected', team: 'cleaning', assignee: 'ana', priority: 'normal', dueAt: '2026-12-01T10:00:00.000Z', rejections: [{ id: 'R-1001-1', room: 'r101', at: '2026-12-01T09:00:00.000Z', by: 'user:fiona', reason: 'Not cleaned', originalAssignee: 'ana', response: 'pending' }] };

/** A data folder as the gateway left it before ticket rows pointed at their events. */
function oldDataFolder(): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, 4);
  const doc = JSON.stringify(ticket);
  db.exec(`INSERT INTO rooms (id, floor, qr_secret, status, doc) VALUES ('r101', 1, 'qr', 'available', '{}')`);
  const event = db.prepare('INSERT INTO events (seq, site, at, actor, type, entity, state, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  event.run(1, 'demo', '2026-12-01T08:00:00.000Z', 'user:sofia', 'ticket-opened', 'ticket:T-1001', '{"id":"T-1001","status":"new"}', 'a', 'b');
  event.run(2, 'demo', '2026-12-01T09:00:00.000Z', 'user:fiona', 'ticket-rejected', 'ticket:T-1001', doc, 'b', 'c');
  db.prepare(`INSERT INTO tickets (id, room, status, team, assignee, priority, due_at, updated_at, doc)
    VALUES ('T-1001', 'r101', 'rejected', 'cleaning', 'ana', 'normal', ?, ?, ?)`).run(ticket.dueAt, '2026-12-01T09:00:00.000Z', doc);
  db.prepare(`INSERT INTO tickets (id, room, status, team, assignee, priority, due_at, updated_at, doc)
    VALUES ('T-1002', 'r101', 'new', 'cleaning', NULL, 'normal', ?, ?, '{"id":"T-1002","rejections":[]}')`).run(ticket.dueAt, ticket.dueAt);
  db.exec(`INSERT INTO rejections (id, ticket, room, at, by, reason, original_assignee, response)
    VALUES ('R-1001-1', 'T-1001', 'r101', '2026-12-01T09:00:00.000Z', 'user:fiona', 'Not cleaned', 'ana', 'pending')`);
  db.exec("INSERT INTO attachments (id, ticket) VALUES ('photo-1', 'T-1001')");
  db.exec("INSERT INTO panels (room, pin_hash, failed_attempts, locked_until) VALUES ('r101', 'hash', 5, '2026-12-01T10:01:00.000Z')");
  db.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-migrate-'));
  file = join(dir, 'site.sqlite');
  oldDataFolder();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('upgrading a data folder to ticket rows that point at their events', () => {
  it('reads every ticket as it was stored', () => {
    const db = openDatabase(file);

    const docs = db.prepare('SELECT id, doc FROM tickets ORDER BY id').all();

    expect(docs).toEqual([{ id: 'T-1001', doc: JSON.stringify(ticket) }, { id: 'T-1002', doc: '{"id":"T-1002","rejections":[]}' }]);
    db.close();
  });

  it('points a row at the newest event holding its state and keeps the JSON of one no event holds', () => {
    const db = openDatabase(file);

    const rows = db.prepare('SELECT id, seq, doc IS NOT NULL AS ownDoc, is_open FROM ticket_rows ORDER BY id').all();

    expect(rows).toEqual([{ id: 'T-1001', seq: 2, ownDoc: 0, is_open: 1 }, { id: 'T-1002', seq: null, ownDoc: 1, is_open: 1 }]);
    db.close();
  });

  it('still lists the rejections, read from the ticket', () => {
    const db = openDatabase(file);

    const rejections = db.prepare('SELECT id, ticket, room, by, reason, original_assignee, response FROM rejections').all();

    expect(rejections).toEqual([{ id: 'R-1001-1', ticket: 'T-1001', room: 'r101', by: 'user:fiona', reason: 'Not cleaned', original_assignee: 'ana', response: 'pending' }]);
    db.close();
  });

  it('keeps attachments tied to existing tickets, with foreign keys enforced again', () => {
    const db = openDatabase(file);

    const attach = () => db.exec("INSERT INTO attachments (id, ticket) VALUES ('photo-2', 'T-9999')");

    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(attach).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT ticket FROM attachments WHERE id = 'photo-1'").get()).toEqual({ ticket: 'T-1001' });
    db.close();
  });
});

describe('upgrading a data folder to sign-in attempts of their own', () => {
  it('carries a locked door panel\'s count over, so the lock holds after the upgrade', () => {
    const db = openDatabase(file);

    const attempts = db.prepare('SELECT key, attempts, locked_until FROM sign_in_attempts').all();
    const panel = db.prepare('SELECT * FROM panels').all();

    expect(attempts).toEqual([{ key: 'pin:r101', attempts: 5, locked_until: '2026-12-01T10:01:00.000Z' }]);
    expect(panel).toEqual([{ room: 'r101', pin_hash: 'hash' }]);
    db.close();
  });
});

describe('upgrading a data folder to names per language', () => {
  it('gives rooms, teams and categories an empty set of names and a ready room its reason as a phrase', () => {
    const old = new Database(file);
    old.exec(`UPDATE rooms SET doc = '{"id":"r101","name":"Boardroom","reason":"Ready for use"}'`);
    old.exec(`INSERT INTO teams (id, doc) VALUES ('cleaning', '{"id":"cleaning","name":"Cleaning","supervisor":null}')`);
    old.exec(`INSERT INTO categories (id, doc) VALUES ('cleaning', '{"id":"cleaning","name":"Cleaning"}')`);
    old.close();

    const db = openDatabase(file);
    const room = JSON.parse((db.prepare("SELECT doc FROM rooms WHERE id = 'r101'").get() as { doc: string }).doc);
    const team = JSON.parse((db.prepare('SELECT doc FROM teams').get() as { doc: string }).doc);
    const category = JSON.parse((db.prepare('SELECT doc FROM categories').get() as { doc: string }).doc);

    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(room).toMatchObject({ name: 'Boardroom', names: {}, reasonPhrase: { code: 'room.ready', params: {} } });
    expect(team.names).toEqual({});
    expect(category).toMatchObject({ names: {}, reasonNames: {} });
    db.close();
  });
});

describe('upgrading a data folder to rooms that name an alternative', () => {
  it('leaves every existing room without one, and refuses an alternative that is no room', () => {
    const db = openDatabase(file);

    const rows = db.prepare('SELECT alternative FROM rooms').all();
    const dangling = () => db.prepare("UPDATE rooms SET alternative = 'r999' WHERE id = 'r101'").run();

    expect(rows).toEqual([{ alternative: null }]);
    expect(dangling).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('upgrading a data folder whose clocks were kept in a table of their own', () => {
  it('keeps each ticket\'s clocks, now in its row, and still lists them by the kept columns', () => {
    const old = new Database(file);
    migrate(old, migrations.findIndex((m) => m.includes('DROP TABLE ticket_sla')));
    old.prepare('INSERT INTO ticket_sla (ticket, doc, due_at, paused, breached) VALUES (?, ?, ?, ?, ?)')
      .run('T-1001', '{"response":{"state":"stopped"}}', '2026-12-01T12:00:00.000Z', 1, 0);
    old.close();

    const db = openDatabase(file);
    const row = db.prepare('SELECT sla, sla_due_at, sla_paused, sla_breached FROM ticket_rows WHERE id = ?').get('T-1001');
    const kept = db.prepare('SELECT ticket, doc, due_at, paused, breached FROM ticket_sla').all();

    expect(row).toEqual({ sla: '{"response":{"state":"stopped"}}', sla_due_at: '2026-12-01T12:00:00.000Z', sla_paused: 1, sla_breached: 0 });
    expect(kept).toEqual([{ ticket: 'T-1001', doc: '{"response":{"state":"stopped"}}', due_at: '2026-12-01T12:00:00.000Z', paused: 1, breached: 0 }]);
    db.close();
  });
});

describe('upgrading a data folder whose watched clocks were rows of their own', () => {
  it('keeps the soonest watched time of each ticket in its row, and nothing for a ticket not watched', () => {
    const old = new Database(file);
    migrate(old, migrations.findIndex((m) => m.includes('DROP TABLE sla_watch')));
    const watch = old.prepare('INSERT INTO sla_watch (ticket, breach, due_ms, urgent) VALUES (?, ?, ?, 0)');
    watch.run('T-1001', 'response', 5000);
    watch.run('T-1001', 'resolution', 3000);
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT id, sla_watch_ms FROM ticket_rows ORDER BY id').all();

    expect(rows).toEqual([{ id: 'T-1001', sla_watch_ms: 3000 }, { id: 'T-1002', sla_watch_ms: null }]);
    db.close();
  });
});
