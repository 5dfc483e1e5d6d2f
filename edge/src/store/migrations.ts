import type { Database } from 'better-sqlite3';

/**
 * Schema versions, applied in order and recorded in `PRAGMA user_version`.
 * Add a new entry for every change; never edit one that has shipped.
 */
export const migrations: readonly string[] = [
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
  `
  -- A ticket's row points at the event holding its latest state (seq) instead of keeping a
  -- second copy of the JSON, so a change writes the ticket once, as the event the chain covers.
  -- doc is kept only for a state no event recorded. Readers keep the tickets view.
  -- The indexes cover open tickets only, and is_open moves only when a ticket opens or closes:
  -- a change of status rewrites no index.
  ALTER TABLE tickets RENAME TO ticket_rows;
  CREATE TABLE ticket_rows_next (
    id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES rooms (id),
    status TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    team TEXT NOT NULL,
    assignee TEXT,
    priority TEXT NOT NULL,
    due_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER,
    doc TEXT
  ) WITHOUT ROWID;
  INSERT INTO ticket_rows_next (id, room, status, is_open, team, assignee, priority, due_at, updated_at, seq, doc)
    SELECT id, room, status, status NOT IN ('verified', 'cancelled'), team, assignee, priority, due_at, updated_at,
      seq, CASE WHEN seq IS NULL THEN doc END
    FROM (SELECT t.*, (SELECT max(e.seq) FROM events e WHERE e.entity = 'ticket:' || t.id AND e.state = t.doc) AS seq
          FROM ticket_rows t);
  DROP TABLE ticket_rows;
  ALTER TABLE ticket_rows_next RENAME TO ticket_rows;
  CREATE INDEX ticket_rows_room_open ON ticket_rows (room) WHERE is_open = 1;
  CREATE INDEX ticket_rows_assignee_open ON ticket_rows (assignee) WHERE is_open = 1;
  CREATE VIEW tickets AS
    SELECT t.id, t.room, t.status, t.team, t.assignee, t.priority, t.due_at, t.updated_at,
      coalesce(t.doc, e.state) AS doc, t.is_open, t.seq
    FROM ticket_rows t LEFT JOIN events e ON e.seq = t.seq;

  -- Rejections are read from the ticket's state, where they are recorded anyway.
  DROP TABLE rejections;
  CREATE VIEW rejections AS
    SELECT json_extract(r.value, '$.id') AS id, t.id AS ticket, json_extract(r.value, '$.room') AS room,
      json_extract(r.value, '$.at') AS at, json_extract(r.value, '$.by') AS by,
      json_extract(r.value, '$.reason') AS reason, json_extract(r.value, '$.originalAssignee') AS original_assignee,
      json_extract(r.value, '$.response') AS response
    FROM tickets t, json_each(t.doc, '$.rejections') r;
  `,
  `
  -- Wrong passwords and PINs, counted per username ('password:ana') and per door panel ('pin:r101'),
  -- so a guessing lock survives a restart. A panel's count moves here from the panels table.
  CREATE TABLE sign_in_attempts (
    key TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    locked_until TEXT,
    last_at TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO sign_in_attempts (key, attempts, locked_until, last_at)
    SELECT 'pin:' || room, failed_attempts, locked_until, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM panels WHERE failed_attempts > 0 OR locked_until IS NOT NULL;
  ALTER TABLE panels DROP COLUMN failed_attempts;
  ALTER TABLE panels DROP COLUMN locked_until;
  `,
  // 7: every commit wrote a page of the actor index, which only the audit search's rarely used
  // actor filter read; that filter now walks the log newest first, as the free-text search does.
  `
  DROP INDEX events_actor;
  `,
  // 8: rooms, teams and categories carry their names per language, and the server's own words
  // travel as phrases; a room still ready from the seed gets its reason as one.
  `
  UPDATE rooms SET doc = json_set(doc, '$.names', json('{}')) WHERE json_type(doc, '$.names') IS NULL;
  UPDATE rooms SET doc = json_set(doc, '$.reasonPhrase', json('{"code":"room.ready","params":{}}'))
    WHERE json_extract(doc, '$.reason') = 'Ready for use' AND json_type(doc, '$.reasonPhrase') IS NULL;
  UPDATE teams SET doc = json_set(doc, '$.names', json('{}')) WHERE json_type(doc, '$.names') IS NULL;
  UPDATE categories SET doc = json_set(doc, '$.names', json('{}')) WHERE json_type(doc, '$.names') IS NULL;
  UPDATE categories SET doc = json_set(doc, '$.reasonNames', json('{}')) WHERE json_type(doc, '$.reasonNames') IS NULL;
  `,
  // Persons (tenants, contacts), units (a tenant's rooms or floor area) and installations (a lift,
  // an air-handling unit, a door controller) that tickets link to.
  `
  CREATE TABLE persons (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE installations (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
  `,
  // Mail in and out: every message the gateway sent or took in for a ticket (threading and
  // dedupe), the outbox written in the same transaction as the change that causes a mail,
  // and the addresses a permanent bounce marked undeliverable.
  `
  CREATE TABLE mail_messages (
    message_id TEXT NOT NULL, ticket TEXT, direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    sha256 TEXT NOT NULL, at TEXT NOT NULL
  );
  CREATE INDEX mail_messages_id ON mail_messages (message_id);
  CREATE UNIQUE INDEX mail_messages_raw ON mail_messages (sha256, direction);
  CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE, ticket TEXT, recipient TEXT NOT NULL,
    doc TEXT NOT NULL, created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL, sent_at TEXT, last_error TEXT
  );
  CREATE INDEX mail_outbox_due ON mail_outbox (next_at) WHERE sent_at IS NULL;
  CREATE TABLE mail_undeliverable (address TEXT PRIMARY KEY, at TEXT NOT NULL, status TEXT NOT NULL);
  CREATE TABLE mail_seen (key TEXT PRIMARY KEY, at TEXT NOT NULL);
  `,
  // A room names the room its sign sends people to while it is out of use; read with a join,
  // so the sign shows the other room's name and floor as they are now.
  `
  ALTER TABLE rooms ADD COLUMN alternative TEXT REFERENCES rooms(id);
  `,
  // Mail pulled from an IMAP mailbox: each message taken in, by mailbox, UIDVALIDITY and UID, with
  // the SHA-256 of its bytes; written in the same transaction as the ticket change it caused.
  `
  CREATE TABLE mail_imap_taken (
    mailbox TEXT NOT NULL, uidvalidity TEXT NOT NULL, uid INTEGER NOT NULL, sha256 TEXT NOT NULL,
    ticket TEXT, outcome TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (mailbox, uidvalidity, uid)
  );
  `,
  // A ticket may have several tracking links: the reporter's, and one for each linked person told
  // by mail. Each link keeps its own rating.
  `
  CREATE TABLE track_tokens_next (
    token_hash TEXT PRIMARY KEY,
    ticket TEXT NOT NULL REFERENCES ticket_rows (id),
    rating INTEGER,
    comment TEXT
  );
  INSERT INTO track_tokens_next (token_hash, ticket, rating, comment) SELECT token_hash, ticket, rating, comment FROM track_tokens ORDER BY rowid;
  DROP TABLE track_tokens;
  ALTER TABLE track_tokens_next RENAME TO track_tokens;
  CREATE INDEX track_tokens_ticket ON track_tokens (ticket);
  `,
  // A person belongs to a unit (or to none yet).
  `
  UPDATE persons SET doc = json_set(doc, '$.unit', json('null')) WHERE json_type(doc, '$.unit') IS NULL;
  `,
  // Dispatch: who is off duty (no row: on duty), and the categories a person is qualified for.
  `
  CREATE TABLE staff_duty (user TEXT PRIMARY KEY REFERENCES users (id), on_duty INTEGER NOT NULL, since TEXT);
  CREATE TABLE staff_skills (user TEXT PRIMARY KEY REFERENCES users (id), categories TEXT NOT NULL);
  `,
  // Payments: each payment for an order, the provider notices taken (once each), and refunds.
  `
  CREATE TABLE payments (
    seq INTEGER NOT NULL UNIQUE,
    id TEXT PRIMARY KEY,
    order_ref TEXT NOT NULL,
    provider TEXT NOT NULL,
    trade_no TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    company TEXT,
    paid_at TEXT,
    doc TEXT NOT NULL
  );
  CREATE INDEX payments_order ON payments (order_ref);
  CREATE INDEX payments_company ON payments (company, paid_at) WHERE company IS NOT NULL;
  CREATE TABLE payment_notices (
    provider TEXT NOT NULL, key TEXT NOT NULL, payment TEXT NOT NULL REFERENCES payments (id), outcome TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (provider, key)
  );
  CREATE TABLE refunds (seq INTEGER NOT NULL UNIQUE, id TEXT PRIMARY KEY, payment TEXT NOT NULL REFERENCES payments (id), doc TEXT NOT NULL);
  CREATE INDEX refunds_payment ON refunds (payment);
  `,
  // The tenant portal's sign-in links: each kept as its digest, spent once, within its 15 minutes.
  `
  CREATE TABLE portal_links (
    token_hash TEXT PRIMARY KEY, person TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT
  );
  CREATE INDEX portal_links_person ON portal_links (person, created_at);
  `,
  // Announcements: due to start and to end as rows a clock tick picks up, so a restart misses
  // nothing; who read one (signed-in tenants), and whom it was mailed to.
  `
  CREATE TABLE announcements (id TEXT PRIMARY KEY, status TEXT NOT NULL, starts_at TEXT NOT NULL, expires_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX announcements_to_start ON announcements (starts_at) WHERE status = 'scheduled';
  CREATE INDEX announcements_to_end ON announcements (expires_at) WHERE status = 'live';
  CREATE TABLE announcement_reads (
    announcement TEXT NOT NULL REFERENCES announcements (id), reader TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (announcement, reader)
  );
  CREATE TABLE announcement_mailed (announcement TEXT NOT NULL REFERENCES announcements (id), person TEXT NOT NULL, PRIMARY KEY (announcement, person));
  `,
  // Service levels: the site's working-hours calendar (one row), kept as its definition.
  `
  CREATE TABLE working_calendar (id INTEGER PRIMARY KEY CHECK (id = 1), doc TEXT NOT NULL);
  `,
  // Consumables: stores, their items, and the append-only ledger of stock movements. An item's
  // level is kept by the ledger itself: each movement must start from the level as it is, and
  // moves it by its delta, so the level is always the sum of the deltas and never below zero.
  `
  CREATE TABLE stock_stores (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, room TEXT NOT NULL REFERENCES rooms (id),
    owner TEXT NOT NULL REFERENCES users (id), category TEXT NOT NULL REFERENCES categories (id)
  );
  CREATE TABLE stock_items (
    id TEXT PRIMARY KEY, store TEXT NOT NULL REFERENCES stock_stores (id), name TEXT NOT NULL, unit TEXT NOT NULL,
    cost INTEGER NOT NULL CHECK (cost >= 0), minimum INTEGER NOT NULL CHECK (minimum >= 0), billable INTEGER NOT NULL,
    level INTEGER NOT NULL DEFAULT 0 CHECK (level >= 0), alert TEXT REFERENCES ticket_rows (id)
  );
  CREATE INDEX stock_items_store ON stock_items (store);
  CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY, item TEXT NOT NULL REFERENCES stock_items (id),
    kind TEXT NOT NULL CHECK (kind IN ('received', 'requested', 'issued', 'used', 'returned', 'disposed')),
    quantity INTEGER NOT NULL CHECK (quantity > 0), delta INTEGER NOT NULL, level_after INTEGER NOT NULL CHECK (level_after >= 0),
    ticket TEXT REFERENCES ticket_rows (id), worker TEXT, by TEXT NOT NULL, at TEXT NOT NULL,
    cost INTEGER NOT NULL, note TEXT, event_seq INTEGER
  );
  CREATE INDEX stock_movements_item ON stock_movements (item, id);
  CREATE INDEX stock_movements_ticket ON stock_movements (ticket, item) WHERE ticket IS NOT NULL;
  CREATE TRIGGER stock_movements_append_only_update BEFORE UPDATE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only'); END;
  CREATE TRIGGER stock_movements_append_only_delete BEFORE DELETE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only'); END;
  CREATE TRIGGER stock_movements_follow_level BEFORE INSERT ON stock_movements
    WHEN NEW.level_after IS NOT (SELECT level FROM stock_items WHERE id = NEW.item) + NEW.delta
    BEGIN SELECT RAISE(ABORT, 'a stock movement must start from the item''s level'); END;
  CREATE TRIGGER stock_movements_move_level AFTER INSERT ON stock_movements
    BEGIN UPDATE stock_items SET level = NEW.level_after WHERE id = NEW.item; END;
  `,
  // Paid services: the catalogue, and orders. An order holds a place in its slot while `holds_place`
  // is 1 (not cancelled, not expired); an unpaid booking gives it up at `hold_until`.
  `
  CREATE TABLE services (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE orders (
    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, service TEXT NOT NULL REFERENCES services (id),
    slot_start TEXT NOT NULL, room TEXT NOT NULL, ticket TEXT NOT NULL, status TEXT NOT NULL,
    holds_place INTEGER NOT NULL, hold_until TEXT, created_at TEXT NOT NULL, doc TEXT NOT NULL
  );
  CREATE INDEX orders_slot ON orders (service, slot_start) WHERE holds_place = 1;
  CREATE INDEX orders_hold ON orders (hold_until) WHERE hold_until IS NOT NULL;
  CREATE INDEX orders_ticket ON orders (ticket);
  CREATE INDEX orders_created ON orders (created_at);
  `,
  // Planned work: schedules with when the next occurrence's ticket is due (ms), and each occurrence
  // made, once: the primary key refuses a second ticket for the same schedule and occurrence.
  `
  CREATE TABLE schedules (id TEXT PRIMARY KEY, doc TEXT NOT NULL, active INTEGER NOT NULL, next_due INTEGER);
  CREATE INDEX schedules_due ON schedules (next_due) WHERE active = 1;
  CREATE TABLE schedule_occurrences (
    schedule TEXT NOT NULL, occurrence TEXT NOT NULL, at_ms INTEGER NOT NULL, ticket TEXT NOT NULL,
    PRIMARY KEY (schedule, at_ms)
  );
  `,
  // Approvals asked of tenants on a ticket (a quote above its limit, a vendor's visit), and their answers.
  `
  CREATE TABLE approvals (id TEXT PRIMARY KEY, ticket TEXT NOT NULL REFERENCES ticket_rows (id), status TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX approvals_ticket ON approvals (ticket);
  `,
  // Web Push subscriptions, each for the person it notifies (`user:ana`).
  `
  CREATE TABLE push_subscriptions (endpoint TEXT PRIMARY KEY, owner TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE INDEX push_subscriptions_owner ON push_subscriptions (owner);
  `,
  // Service levels: targets per category × priority and the waits that pause the clock (one row), and each
  // ticket's clocks as kept after its last change, with when the running one runs out and whether it is breached.
  `
  CREATE TABLE sla_targets (id INTEGER PRIMARY KEY CHECK (id = 1), doc TEXT NOT NULL);
  CREATE TABLE ticket_sla (ticket TEXT PRIMARY KEY, doc TEXT NOT NULL, due_at TEXT, paused INTEGER NOT NULL, breached INTEGER NOT NULL);
  CREATE INDEX ticket_sla_due ON ticket_sla (due_at) WHERE due_at IS NOT NULL;
  `,
  // Vendors and the work orders sent to them; each order's links (one per vendor contact) kept as
  // digests of their tokens only, revocable.
  `
  CREATE TABLE vendors (id TEXT PRIMARY KEY, name TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE work_orders (
    id TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE, ticket TEXT REFERENCES ticket_rows (id),
    vendor TEXT NOT NULL REFERENCES vendors (id), status TEXT NOT NULL, updated_at TEXT NOT NULL, doc TEXT NOT NULL
  );
  CREATE INDEX work_orders_ticket ON work_orders (ticket);
  CREATE INDEX work_orders_vendor ON work_orders (vendor, status);
  CREATE TABLE work_order_links (
    token_hash TEXT PRIMARY KEY, work_order TEXT NOT NULL REFERENCES work_orders (id), contact TEXT NOT NULL,
    created_at TEXT NOT NULL, revoked_at TEXT
  );
  CREATE INDEX work_order_links_order ON work_order_links (work_order);
  `,
  // Documents for tenants and staff, each with the event its upload was recorded by (which holds the
  // file's SHA-256); general surveys and each respondent's one response (the key refuses a second).
  `
  CREATE TABLE documents (id TEXT PRIMARY KEY, status TEXT NOT NULL, uploaded_at TEXT NOT NULL, upload_seq INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE surveys (id TEXT PRIMARY KEY, opens_at TEXT NOT NULL, closes_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE survey_answers (
    survey TEXT NOT NULL REFERENCES surveys (id), respondent TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (survey, respondent)
  );
  `,
  // Escalation of breached service levels. `sla_watch`: when each clock of an open ticket runs out (or ran
  // out, not yet escalated), for the escalation tick; `sla_escalations`: each breach escalated, once (the
  // primary key refuses a second). Clocks kept before this version are watched from their rows.
  `
  CREATE TABLE sla_watch (ticket TEXT NOT NULL, breach TEXT NOT NULL, due_ms INTEGER NOT NULL, urgent INTEGER NOT NULL, PRIMARY KEY (ticket, breach));
  CREATE INDEX sla_watch_due ON sla_watch (urgent, due_ms);
  CREATE TABLE sla_escalations (
    ticket TEXT NOT NULL, breach TEXT NOT NULL, breached_at TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (ticket, breach)
  );
  CREATE INDEX sla_escalations_at ON sla_escalations (at);
  INSERT INTO sla_watch (ticket, breach, due_ms, urgent)
    SELECT s.ticket, b.kind,
      coalesce(json_extract(s.doc, '$.' || b.kind || '.breachedMs'), json_extract(s.doc, '$.' || b.kind || '.dueMs')),
      t.priority = 'urgent'
    FROM ticket_sla s JOIN ticket_rows t ON t.id = s.ticket, (SELECT 'response' AS kind UNION ALL SELECT 'resolution') b
    WHERE t.status NOT IN ('done', 'verified', 'cancelled')
      AND json_extract(s.doc, '$.' || b.kind || '.state') <> 'stopped'
      AND coalesce(json_extract(s.doc, '$.' || b.kind || '.breachedMs'),
        CASE WHEN json_extract(s.doc, '$.' || b.kind || '.state') = 'running' THEN json_extract(s.doc, '$.' || b.kind || '.dueMs') END) IS NOT NULL;
  `,
  // When an unanswered work order's next reminder (or its task) is due: one tick picks these up.
  `
  ALTER TABLE work_orders ADD COLUMN remind_at TEXT;
  CREATE INDEX work_orders_remind ON work_orders (remind_at) WHERE remind_at IS NOT NULL;
  `,
  // Sensor thresholds: rules by the room whose readings they judge, and the excursion each has under way.
  // And the escalation tick's rows by due time alone, for its look during working hours.
  `
  CREATE INDEX sla_watch_due_all ON sla_watch (due_ms);
  CREATE TABLE thresholds (id TEXT PRIMARY KEY, room TEXT NOT NULL, measure TEXT NOT NULL, active INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX thresholds_watching ON thresholds (room, measure) WHERE active = 1;
  CREATE TABLE threshold_excursions (rule TEXT PRIMARY KEY REFERENCES thresholds (id), doc TEXT NOT NULL);
  `,
  // Fewer pages written per ticket change. The escalation tick's look outside working hours reads an
  // index of the urgent tickets' watched clocks only, so an ordinary ticket's change does not touch
  // it; and a ticket's clocks are no longer indexed by due time: only the "due soon" list read that
  // index, and it now reads the clock rows as the "breached" and "paused" lists do.
  `
  DROP INDEX sla_watch_due;
  CREATE INDEX sla_watch_urgent_due ON sla_watch (due_ms) WHERE urgent = 1;
  DROP INDEX ticket_sla_due;
  `,
  // A refund under way at a provider is asked after again when its check is due: a row a clock tick picks up.
  `
  ALTER TABLE refunds ADD COLUMN next_check TEXT;
  CREATE INDEX refunds_next_check ON refunds (next_check) WHERE next_check IS NOT NULL;
  UPDATE refunds SET next_check = json_extract(doc, '$.nextCheckAt') WHERE json_extract(doc, '$.status') = 'requested';
  `,
  // A vendor link's token sealed under the site's key (AES-256-GCM, the key in the data folder),
  // so a reminder can carry the working link; links issued before have none and reminders say so.
  `
  ALTER TABLE work_order_links ADD COLUMN sealed_token TEXT;
  `,
  // A ticket's service-level clocks kept in its own row, which every change of the ticket writes
  // anyway: the clocks no longer cost a table and a key index of their own on each change.
  // `ticket_sla` stays for readers, as a view of the tickets that have clocks.
  `
  ALTER TABLE ticket_rows ADD COLUMN sla TEXT;
  ALTER TABLE ticket_rows ADD COLUMN sla_due_at TEXT;
  ALTER TABLE ticket_rows ADD COLUMN sla_paused INTEGER;
  ALTER TABLE ticket_rows ADD COLUMN sla_breached INTEGER;
  UPDATE ticket_rows SET (sla, sla_due_at, sla_paused, sla_breached) =
    (SELECT s.doc, s.due_at, s.paused, s.breached FROM ticket_sla s WHERE s.ticket = ticket_rows.id)
    WHERE id IN (SELECT ticket FROM ticket_sla);
  DROP TABLE ticket_sla;
  CREATE VIEW ticket_sla AS
    SELECT id AS ticket, sla AS doc, sla_due_at AS due_at, sla_paused AS paused, sla_breached AS breached
    FROM ticket_rows WHERE sla IS NOT NULL;
  `,
  // When the escalation tick is to look at a ticket again, kept in the ticket's row too: the soonest
  // of its clocks run out or running out that was not escalated yet. One index by that time (with
  // the priority, for the urgent-only look outside working hours) instead of a table of a row per
  // clock with its key index and two more.
  `
  ALTER TABLE ticket_rows ADD COLUMN sla_watch_ms INTEGER;
  UPDATE ticket_rows SET sla_watch_ms = (SELECT min(w.due_ms) FROM sla_watch w WHERE w.ticket = ticket_rows.id)
    WHERE id IN (SELECT ticket FROM sla_watch);
  DROP TABLE sla_watch;
  CREATE INDEX ticket_rows_sla_watch ON ticket_rows (sla_watch_ms, priority) WHERE sla_watch_ms IS NOT NULL;
  `,
];

/** Brings the schema up to `target` (the newest by default) and returns the version reached. */
export function migrate(db: Database, target = migrations.length): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= target) return current;
  // Rebuilding a table that others reference needs foreign keys off while it is replaced, and
  // they cannot be switched inside a transaction; each version checks them before it commits.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current; version < target; version++) {
      db.transaction(() => {
        db.exec(migrations[version]!);
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0) throw new Error(`schema version ${version + 1} leaves ${broken[0]!.table} rows without their ${broken[0]!.parent}`);
        db.pragma(`user_version = ${version + 1}`);
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return target;
}
