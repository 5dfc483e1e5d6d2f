import type { Approval, Ticket } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface PortalLink { person: string; createdAt: string; expiresAt: string; usedAt: string | null }

/** The tenant portal's sign-in links, by digest: who it signs in, until when, and whether it was spent. */
export class PortalRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  insertLink(digest: string, person: string, createdAt: string, expiresAt: string): void {
    this.#sql('INSERT INTO portal_links (token_hash, person, created_at, expires_at) VALUES (?, ?, ?, ?)').run(digest, person, createdAt, expiresAt);
  }

  link(digest: string): PortalLink | undefined {
    const row = this.#sql('SELECT person, created_at, expires_at, used_at FROM portal_links WHERE token_hash = ?').get(digest) as
      { person: string; created_at: string; expires_at: string; used_at: string | null } | undefined;
    return row && { person: row.person, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  spendLink(digest: string, at: string): void {
    this.#sql('UPDATE portal_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(at, digest);
  }

  /** How many links a person was sent since then: the limit on mails one address can be made to get. */
  linksSince(person: string, since: string): number {
    return (this.#sql('SELECT count(*) AS n FROM portal_links WHERE person = ? AND created_at > ?').get(person, since) as { n: number }).n;
  }

  putApproval(approval: Approval): void {
    this.#sql('INSERT INTO approvals (id, ticket, status, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc')
      .run(approval.id, approval.ticket, approval.status, JSON.stringify(approval));
  }

  approval(id: string): Approval | undefined {
    const row = this.#sql('SELECT doc FROM approvals WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as Approval);
  }

  approvalsOf(ticket: string): Approval[] {
    return (this.#sql('SELECT doc FROM approvals WHERE ticket = ? ORDER BY rowid').all(ticket) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Approval);
  }

  /**
   * Tickets that may concern a tenant, newest first: reported by or linked to one of the persons,
   * linked to one of the units, or in one of the rooms. The rights table decides which of them they read.
   */
  candidateTickets(near: { persons: readonly string[]; units: readonly string[]; rooms: readonly string[] }, limit = 500): Ticket[] {
    const list = '(SELECT value FROM json_each(?))';
    const sql = `SELECT doc FROM tickets WHERE
      json_extract(doc, '$.reporter.id') IN ${list}
      OR json_extract(doc, '$.links.unit') IN ${list}
      OR room IN ${list}
      OR EXISTS (SELECT 1 FROM json_each(doc, '$.links.persons') AS p WHERE p.value IN ${list})
      ORDER BY json_extract(doc, '$.createdAt') DESC LIMIT ?`;
    const rows = this.#sql(sql).all(JSON.stringify(near.persons), JSON.stringify(near.units), JSON.stringify(near.rooms), JSON.stringify(near.persons), limit) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as Ticket);
  }
}
