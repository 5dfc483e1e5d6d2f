import type { Database } from 'better-sqlite3';

/**
 * Schema versions, applied in order and recorded in `PRAGMA user_version`.
 * Add a new entry for every change; never edit one that has shipped.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    entity TEXT NOT NULL,
    state TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX events_entity ON events (entity, seq);
  CREATE INDEX events_actor ON events (actor, seq);
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

  CREATE TABLE teams (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE categories (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    floor INTEGER NOT NULL,
    qr_secret TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE TABLE panels (
    room TEXT PRIMARY KEY REFERENCES rooms (id),
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES rooms (id),
    kind TEXT NOT NULL,
    secret_digest TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    online INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES rooms (id),
    status TEXT NOT NULL,
    team TEXT NOT NULL,
    assignee TEXT,
    priority TEXT NOT NULL,
    due_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX tickets_room ON tickets (room, status);
  CREATE INDEX tickets_status ON tickets (status);
  CREATE INDEX tickets_assignee ON tickets (assignee, status);
  CREATE INDEX tickets_team ON tickets (team, status);
  CREATE TABLE rejections (
    id TEXT PRIMARY KEY,
    ticket TEXT NOT NULL REFERENCES tickets (id),
    room TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    reason TEXT NOT NULL,
    original_assignee TEXT,
    response TEXT NOT NULL
  );
  CREATE INDEX rejections_ticket ON rejections (ticket);
  CREATE TABLE track_tokens (
    token_hash TEXT PRIMARY KEY,
    ticket TEXT NOT NULL UNIQUE REFERENCES tickets (id),
    rating INTEGER,
    comment TEXT
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    role TEXT NOT NULL,
    room TEXT,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_subject ON sessions (subject);
  `,
  `
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    ticket TEXT NOT NULL REFERENCES tickets (id)
  );
  CREATE INDEX attachments_ticket ON attachments (ticket);
  `,
  `
  ALTER TABLE devices ADD COLUMN broker_hash TEXT;
  ALTER TABLE devices ADD COLUMN offline_alert TEXT;
  CREATE TABLE retired_qr_codes (
    secret TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES rooms (id),
    retired_at TEXT NOT NULL
  );
  `,
  `
  -- Head-office commands the cloud bridge brought, each applied (or refused) once; a re-sent id gets this answer.
  CREATE TABLE bridge_commands (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
    reason TEXT,
    seq INTEGER,
    at TEXT NOT NULL
  );
  `,
];

export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}
