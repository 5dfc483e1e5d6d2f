import { createHash } from 'node:crypto';
import type { BridgeFile } from '@doorside/edge/contracts';
import { Invalid, NotFound } from '@doorside/edge/http';
import type { SqlDriver } from './sql-driver.ts';
import type { VendorViews } from './vendor-views.ts';

/** A file held for the vendor's link, as the site's agent copied it. */
export interface HeldFile { id: string; name: string; type: string; sha256: string; data: Buffer }

/**
 * The files of the work orders a live vendor link opens, copied up from the site. Which files
 * are wanted follows from the copy of the site's log (each order's latest `attachments`), so a
 * copy cut off midway is simply wanted again next round, and one taken twice changes nothing.
 */
export class VendorFiles {
  constructor(private readonly db: SqlDriver, private readonly views: VendorViews) {}

  /** The files the central server should hold for the site and does not yet, by id. */
  async wanted(site: string): Promise<string[]> {
    const orders = await this.db.all<{ work_order: string }>('SELECT DISTINCT work_order FROM vendor_links WHERE site = ? AND revoked_seq IS NULL ORDER BY work_order', [site]);
    const ids = new Set<string>();
    for (const { work_order } of orders) {
      for (const file of (await this.views.order(site, work_order))?.attachments ?? []) ids.add(file.id);
    }
    if (ids.size === 0) return [];
    const held = new Set((await this.db.all<{ id: string }>('SELECT id FROM vendor_files WHERE site = ?', [site])).map((r) => r.id));
    return [...ids].filter((id) => !held.has(id));
  }

  /** Keeps a copied file: only one some linked order lists, only bytes that match their SHA-256. */
  async keep(site: string, file: BridgeFile, at: string): Promise<{ id: string; stored: boolean }> {
    const data = Buffer.from(file.data, 'base64');
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (sha256 !== file.sha256) throw new Invalid('INVALID', 'the bytes do not match their SHA-256', { id: file.id, sha256 });
    const held = await this.db.get<{ id: string }>('SELECT id FROM vendor_files WHERE site = ? AND id = ?', [site, file.id]);
    if (held) return { id: file.id, stored: false };
    if (!(await this.wanted(site)).includes(file.id)) throw new NotFound('attachment', file.id);
    const changed = await this.db.run(`INSERT INTO vendor_files (site, id, name, type, sha256, size, data, copied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (site, id) DO NOTHING`, [site, file.id, file.name, file.type, sha256, data.length, data, at]);
    return { id: file.id, stored: changed > 0 };
  }

  async get(site: string, id: string): Promise<HeldFile | undefined> {
    const row = await this.db.get<{ id: string; name: string; type: string; sha256: string; data: Buffer | Uint8Array }>(
      'SELECT id, name, type, sha256, data FROM vendor_files WHERE site = ? AND id = ?', [site, id]);
    return row && { ...row, data: Buffer.from(row.data) };
  }
}
