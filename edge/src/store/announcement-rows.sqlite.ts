import type { Announcement, AnnouncementStatus } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Announcements by id and status, the ones due to start or end, read receipts and mails sent. */
export class AnnouncementRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Announcement | undefined {
    const row = this.#sql('SELECT doc FROM announcements WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as Announcement);
  }

  /** Newest start first. */
  list(status?: AnnouncementStatus, limit = 500): Announcement[] {
    const rows = (status
      ? this.#sql('SELECT doc FROM announcements WHERE status = ? ORDER BY starts_at DESC, id LIMIT ?').all(status, limit)
      : this.#sql('SELECT doc FROM announcements ORDER BY starts_at DESC, id LIMIT ?').all(limit)) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as Announcement);
  }

  live(): Announcement[] {
    return this.list('live');
  }

  /** Ids of scheduled announcements whose start has come, and of live ones whose expiry has. */
  due(now: string): { start: string[]; end: string[] } {
    const start = this.#sql("SELECT id FROM announcements WHERE status = 'scheduled' AND starts_at <= ? ORDER BY starts_at").all(now) as { id: string }[];
    const end = this.#sql("SELECT id FROM announcements WHERE status = 'live' AND expires_at <= ? ORDER BY expires_at").all(now) as { id: string }[];
    return { start: start.map((r) => r.id), end: end.map((r) => r.id) };
  }

  put(a: Announcement): void {
    this.#sql(`INSERT INTO announcements (id, status, starts_at, expires_at, doc) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, starts_at = excluded.starts_at, expires_at = excluded.expires_at, doc = excluded.doc`)
      .run(a.id, a.status, a.startsAt, a.expiresAt, JSON.stringify(a));
  }

  /** False when the reader had read it already. */
  markRead(announcement: string, reader: string, at: string): boolean {
    return this.#sql('INSERT INTO announcement_reads (announcement, reader, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(announcement, reader, at).changes > 0;
  }

  readBy(announcement: string, reader: string): boolean {
    return this.#sql('SELECT 1 FROM announcement_reads WHERE announcement = ? AND reader = ?').get(announcement, reader) !== undefined;
  }

  recordMailed(announcement: string, person: string): boolean {
    return this.#sql('INSERT INTO announcement_mailed (announcement, person) VALUES (?, ?) ON CONFLICT DO NOTHING').run(announcement, person).changes > 0;
  }

  /** Read receipts and mails sent, per announcement. */
  counts(): Map<string, { read: number; mailed: number }> {
    const out = new Map<string, { read: number; mailed: number }>();
    const of = (id: string) => out.get(id) ?? out.set(id, { read: 0, mailed: 0 }).get(id)!;
    for (const r of this.#sql('SELECT announcement, count(*) AS n FROM announcement_reads GROUP BY announcement').all() as { announcement: string; n: number }[]) of(r.announcement).read = r.n;
    for (const r of this.#sql('SELECT announcement, count(*) AS n FROM announcement_mailed GROUP BY announcement').all() as { announcement: string; n: number }[]) of(r.announcement).mailed = r.n;
    return out;
  }
}
