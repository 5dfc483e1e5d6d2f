import type { SqlDriver } from './sql-driver.ts';

type Dialect = SqlDriver['dialect'];
/** A statement, the same for both engines or spelled per engine. */
type Statement = string | Record<Dialect, string>;

const identity: Record<Dialect, string> = {
  sqlite: 'INTEGER PRIMARY KEY',
  postgres: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
};

/** Append only: a released migration never changes; a change is a new version. */
export const migrations: { version: number; statements: Statement[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE sites (
        site TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL, created_at TEXT NOT NULL,
        cursor_seq INTEGER NOT NULL DEFAULT 0, cursor_hash TEXT NOT NULL,
        last_batch_at TEXT, reported_head INTEGER NOT NULL DEFAULT 0, sync_status TEXT, sync_status_at TEXT)`,
      // The site's log as the gateway wrote it; `state` is the exact text the hash covers.
      {
        sqlite: `CREATE TABLE events (site TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL,
          entity TEXT NOT NULL, state TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (site, seq)) WITHOUT ROWID`,
        postgres: `CREATE TABLE events (site TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, type TEXT NOT NULL,
          entity TEXT NOT NULL, state TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (site, seq))`,
      },
      'CREATE INDEX events_by_entity ON events (site, entity, seq)',
      'CREATE INDEX events_by_type ON events (site, type, seq)',
      // Each ticket's latest state, projected from its `ticket-*` events as they arrive.
      `CREATE TABLE tickets (
        site TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, category TEXT NOT NULL, priority TEXT NOT NULL, status TEXT NOT NULL,
        room TEXT NOT NULL, team TEXT NOT NULL, assignee TEXT, title TEXT NOT NULL,
        created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, due_ms BIGINT NOT NULL, resolved_ms BIGINT,
        rejections INTEGER NOT NULL, rating INTEGER, last_seq INTEGER NOT NULL, PRIMARY KEY (site, id))`,
      'CREATE INDEX tickets_by_updated ON tickets (updated_ms)',
      `CREATE TABLE devices (
        site TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, room TEXT NOT NULL, revoked INTEGER NOT NULL,
        online INTEGER, last_type TEXT NOT NULL, last_at TEXT NOT NULL, PRIMARY KEY (site, id))`,
      { sqlite: `CREATE TABLE alerts (n ${identity.sqlite}, site TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL, seq INTEGER,
          fingerprint TEXT NOT NULL, at TEXT NOT NULL, last_at TEXT NOT NULL, repeats INTEGER NOT NULL DEFAULT 1, UNIQUE (site, fingerprint))`,
        postgres: `CREATE TABLE alerts (n ${identity.postgres}, site TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL, seq INTEGER,
          fingerprint TEXT NOT NULL, at TEXT NOT NULL, last_at TEXT NOT NULL, repeats INTEGER NOT NULL DEFAULT 1, UNIQUE (site, fingerprint))` },
      { sqlite: `CREATE TABLE commands (n ${identity.sqlite}, id TEXT NOT NULL UNIQUE, site TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
          state TEXT NOT NULL, reason TEXT, seq INTEGER, answered_at TEXT)`,
        postgres: `CREATE TABLE commands (n ${identity.postgres}, id TEXT NOT NULL UNIQUE, site TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
          state TEXT NOT NULL, reason TEXT, seq INTEGER, answered_at TEXT)` },
      'CREATE INDEX commands_by_state ON commands (site, state, n)',
      `CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL, created_at TEXT NOT NULL)`,
      'CREATE TABLE grants (username TEXT NOT NULL REFERENCES users (username), site TEXT NOT NULL REFERENCES sites (site), PRIMARY KEY (username, site))',
      // Cookies hold a random token; only its digest is kept, so a copied database opens no session.
      `CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, username TEXT NOT NULL REFERENCES users (username), created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL, expires_at TEXT NOT NULL)`,
    ],
  },
  {
    version: 2,
    statements: [
      // What the central copy held beyond the point a site was restored to: the line the backup
      // cut off, kept as it was received (`line` counts the site's restores), never shipped again.
      `CREATE TABLE archived_events (site TEXT NOT NULL, line INTEGER NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
        type TEXT NOT NULL, entity TEXT NOT NULL, state TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, archived_at TEXT NOT NULL,
        PRIMARY KEY (site, line, seq))`,
    ],
  },
  {
    version: 3,
    statements: [
      // Alerts as a code and its parameters, for the pages to word in the reader's language.
      // Alerts raised before have no code (NULL) and keep only their English `message`.
      'ALTER TABLE alerts ADD COLUMN code TEXT',
      "ALTER TABLE alerts ADD COLUMN params TEXT NOT NULL DEFAULT '{}'",
    ],
  },
  {
    version: 4,
    statements: [
      // The phrase a ticket's title was made from (JSON), for the pages to word in the reader's
      // language; NULL for tickets without one, which keep only their plain `title`.
      'ALTER TABLE tickets ADD COLUMN title_phrase TEXT',
    ],
  },
  {
    version: 5,
    statements: [
      // Each vendor link a site issued, by its token's SHA-256 digest (never the token): which
      // site and work order it opens, for which vendor contact, and when the site took it back.
      `CREATE TABLE vendor_links (digest TEXT PRIMARY KEY, site TEXT NOT NULL, work_order TEXT NOT NULL, contact TEXT NOT NULL,
        issued_seq INTEGER NOT NULL, revoked_seq INTEGER)`,
      'CREATE INDEX vendor_links_by_order ON vendor_links (site, work_order)',
    ],
  },
  {
    version: 6,
    statements: [
      // The files of work orders a vendor link opens, copied up by the site's agent (the site
      // keeps the originals), so a vendor reaching the link here can open them.
      {
        sqlite: `CREATE TABLE vendor_files (site TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, sha256 TEXT NOT NULL,
          size INTEGER NOT NULL, data BLOB NOT NULL, copied_at TEXT NOT NULL, PRIMARY KEY (site, id))`,
        postgres: `CREATE TABLE vendor_files (site TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, sha256 TEXT NOT NULL,
          size INTEGER NOT NULL, data BYTEA NOT NULL, copied_at TEXT NOT NULL, PRIMARY KEY (site, id))`,
      },
    ],
  },
];

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

/**
 * Brings the schema up to date in one transaction. On PostgreSQL an advisory lock keeps
 * two processes starting together from both applying the same version.
 */
export async function migrate(driver: SqlDriver, now: string): Promise<number> {
  await driver.transact(async (tx) => {
    if (driver.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(7041963)');
    await tx.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const current = (await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version'))?.v ?? 0;
    for (const migration of migrations.filter((m) => m.version > current)) {
      for (const statement of migration.statements) await tx.run(typeof statement === 'string' ? statement : statement[driver.dialect]);
      await tx.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [migration.version, now]);
    }
  });
  return SCHEMA_VERSION;
}
