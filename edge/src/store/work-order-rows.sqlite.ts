import type { Vendor, WorkOrder, WorkOrderStatus } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Seals a link's token under the site's key, bound to its digest, and opens it again. */
export interface LinkSealer { seal(token: string, digest: string): string; open(sealed: string, digest: string): string | undefined }

/** A vendor's link to one work order, as stored: the token's digest only. */
export interface WorkOrderLink { workOrder: string; contact: string; createdAt: string; revokedAt: string | null }

export interface WorkOrderFilter { status?: WorkOrderStatus | undefined; vendor?: string | undefined; ticket?: string | undefined; limit?: number | undefined }

/** The vendors directory, the work orders sent to them and each order's links. */
export class WorkOrderRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  vendor(id: string): Vendor | undefined {
    const row = this.#sql('SELECT doc FROM vendors WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && JSON.parse(row.doc);
  }

  vendors(): Vendor[] {
    return (this.#sql('SELECT doc FROM vendors ORDER BY name COLLATE NOCASE, id').all() as { doc: string }[]).map((r) => JSON.parse(r.doc));
  }

  putVendor(vendor: Vendor): void {
    this.#sql('INSERT INTO vendors (id, name, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc')
      .run(vendor.id, vendor.name, JSON.stringify(vendor));
  }

  get(id: string): WorkOrder | undefined {
    const row = this.#sql('SELECT doc FROM work_orders WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && JSON.parse(row.doc);
  }

  list(filter: WorkOrderFilter = {}): WorkOrder[] {
    const rows = this.#sql(`SELECT doc FROM work_orders
      WHERE (@status IS NULL OR status = @status) AND (@vendor IS NULL OR vendor = @vendor) AND (@ticket IS NULL OR ticket = @ticket)
      ORDER BY number DESC LIMIT @limit`).all({ status: filter.status ?? null, vendor: filter.vendor ?? null, ticket: filter.ticket ?? null, limit: filter.limit ?? 200 }) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc));
  }

  /** The order that lists this attachment among its files, if any. */
  withAttachment(attachment: string): WorkOrder | undefined {
    const row = this.#sql(`SELECT doc FROM work_orders
      WHERE EXISTS (SELECT 1 FROM json_each(doc, '$.attachments') WHERE json_extract(value, '$.id') = ?) LIMIT 1`).get(attachment) as { doc: string } | undefined;
    return row && JSON.parse(row.doc);
  }

  /** The orders sent in `[from, to)`, for the vendors' figures. */
  sentBetween(from: string, to: string): WorkOrder[] {
    return (this.#sql("SELECT doc FROM work_orders WHERE json_extract(doc, '$.sentAt') >= ? AND json_extract(doc, '$.sentAt') < ? ORDER BY number").all(from, to) as { doc: string }[])
      .map((r) => JSON.parse(r.doc));
  }

  /** The ticket's orders still waiting for someone: they hold it open. */
  openFor(ticket: string, open: readonly WorkOrderStatus[]): WorkOrder[] {
    return this.list({ ticket }).filter((o) => open.includes(o.status));
  }

  /** The next number to hand out: work orders are numbered from 1001. */
  nextNumber(): number {
    const row = this.#sql('SELECT MAX(number) AS n FROM work_orders').get() as { n: number | null };
    return Math.max(row.n ?? 1000, 1000) + 1;
  }

  put(order: WorkOrder): void {
    // Only an order still waiting for the vendor's answer is chased.
    const remindAt = order.status === 'sent' ? order.reminders?.nextAt ?? null : null;
    this.#sql(`INSERT INTO work_orders (id, number, ticket, vendor, status, updated_at, remind_at, doc) VALUES (@id, @number, @ticket, @vendor, @status, @updatedAt, @remindAt, @doc)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, vendor = excluded.vendor, updated_at = excluded.updated_at, remind_at = excluded.remind_at, doc = excluded.doc`)
      .run({ id: order.id, number: Number(order.id.slice(3)), ticket: order.ticket, vendor: order.vendor, status: order.status, updatedAt: order.updatedAt, remindAt, doc: JSON.stringify(order) });
  }

  /** The unanswered orders whose next reminder (or task) is due by `now`, the longest due first. */
  dueReminders(now: string, limit = 100): string[] {
    return (this.#sql('SELECT id FROM work_orders WHERE remind_at IS NOT NULL AND remind_at <= ? ORDER BY remind_at, number LIMIT ?').all(now, limit) as { id: string }[]).map((r) => r.id);
  }

  link(digest: string): WorkOrderLink | undefined {
    return this.#sql('SELECT work_order AS workOrder, contact, created_at AS createdAt, revoked_at AS revokedAt FROM work_order_links WHERE token_hash = ?')
      .get(digest) as WorkOrderLink | undefined;
  }

  links(workOrder: string): WorkOrderLink[] {
    return this.#sql('SELECT work_order AS workOrder, contact, created_at AS createdAt, revoked_at AS revokedAt FROM work_order_links WHERE work_order = ? ORDER BY created_at, contact')
      .all(workOrder) as WorkOrderLink[];
  }

  /** Seals each new link's token, when the site has a key, so a reminder can carry the link; without one only the digest is kept. */
  sealer: LinkSealer | null = null;

  insertLink(digest: string, workOrder: string, contact: string, at: string, token?: string): void {
    const sealed = token && this.sealer ? this.sealer.seal(token, digest) : null;
    this.#sql('INSERT INTO work_order_links (token_hash, work_order, contact, created_at, sealed_token) VALUES (?, ?, ?, ?, ?)').run(digest, workOrder, contact, at, sealed);
  }

  /** The token of the contact's newest live link to the order, when it was sealed and the key opens it. */
  liveToken(workOrder: string, contact: string): string | undefined {
    const row = this.#sql(`SELECT token_hash AS digest, sealed_token AS sealed FROM work_order_links
      WHERE work_order = ? AND contact = ? AND revoked_at IS NULL AND sealed_token IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`)
      .get(workOrder, contact) as { digest: string; sealed: string } | undefined;
    return row && this.sealer ? this.sealer.open(row.sealed, row.digest) : undefined;
  }

  /** Revokes the contact's live links to the order (all of the order's when no contact is named). */
  revokeLinks(workOrder: string, contact: string | null, at: string): void {
    this.#sql('UPDATE work_order_links SET revoked_at = ? WHERE work_order = ? AND (? IS NULL OR contact = ?) AND revoked_at IS NULL').run(at, workOrder, contact, contact);
  }
}
