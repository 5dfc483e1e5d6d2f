import { eventHash, GENESIS_HASH } from '@doorside/edge/audit';
import type { VerifyResult } from '@doorside/edge/contracts';
import { NotFound } from '@doorside/edge/http';
import { type ChainPoint, type EventBatch, type ShippedEvent, SyncStatus } from '../protocol.ts';
import { type AlertParams, ChainRefusal, SiteExists } from './errors.ts';
import { AlertParams as AlertParamsSchema } from './office-contract.ts';
import { hashesNeeded, planIngest, verifyLinks } from './ingest-plan.ts';
import { deviceColumns, project, ticketColumns } from './projection.ts';
import { setAsideAfter } from './restored-line.ts';
import type { BulkColumn, SqlDriver, SqlRunner } from './sql-driver.ts';
import { VendorLinks } from './vendor-links.ts';
import { WriteQueue } from './write-queue.ts';

const eventColumns: readonly BulkColumn[] = [
  { name: 'site' }, { name: 'seq' }, { name: 'at' }, { name: 'actor' }, { name: 'type' },
  { name: 'entity' }, { name: 'state' }, { name: 'prev_hash' }, { name: 'hash' },
];

/** An alert: `code` and `params` for the pages (`code` is null for alerts raised before codes were kept), `message` in English for logs and older readers. */
export interface Alert {
  site: string; kind: string; code: string | null; params: AlertParams; message: string; seq: number | null; at: string; lastAt: string; repeats: number;
}
/** An event set aside when its site was restored from a backup; `line` counts the site's restores. */
export interface ArchivedEvent { line: number; seq: number; at: string; actor: string; type: string; entity: string; archivedAt: string }
export interface IngestOutcome { cursor: ChainPoint; stored: number }
export interface StoredEvent { seq: number; at: string; actor: string; type: string; entity: string; state: string; prev_hash: string; hash: string }
export interface EventFilter { after?: number; before?: number; type?: string; entity?: string; actor?: string; limit: number }

interface CursorRow { cursor_seq: number; cursor_hash: string }

/** Events checked and written per step of an append (one multi-row INSERT on PostgreSQL). */
const APPEND_CHUNK = 500;

/**
 * Each site's copy of its hash-chained log. Ingest holds the site's row locked for the
 * whole transaction, so two processes taking batches for one site queue up: the second
 * sees the first's cursor and finds its batch a duplicate or out of order.
 */
export class SiteLog {
  constructor(private readonly db: SqlDriver) {}

  async add(site: string, name: string, keyHash: string, now: string): Promise<void> {
    await this.db.transact(async (tx) => {
      if (await tx.get('SELECT site FROM sites WHERE site = ?', [site])) throw new SiteExists(site);
      await tx.run('INSERT INTO sites (site, name, key_hash, created_at, cursor_seq, cursor_hash) VALUES (?, ?, ?, ?, 0, ?)', [site, name, keyHash, now, GENESIS_HASH]);
    });
  }

  async keyHash(site: string): Promise<string | undefined> {
    return (await this.db.get<{ key_hash: string }>('SELECT key_hash FROM sites WHERE site = ?', [site]))?.key_hash;
  }

  async cursor(site: string): Promise<ChainPoint> {
    const row = await this.db.get<CursorRow>('SELECT cursor_seq, cursor_hash FROM sites WHERE site = ?', [site]);
    if (!row) throw new NotFound('site', site);
    return { seq: row.cursor_seq, hash: row.cursor_hash };
  }

  /**
   * Takes a batch into the site's chain in one transaction, or refuses it whole. A
   * refusal that means the site's log is not what it was (a break, a cut back) is
   * recorded as an alert in that same transaction, with nothing of the batch.
   */
  async ingest(site: string, batch: EventBatch, now: string): Promise<IngestOutcome> {
    const outcome = await this.db.transact(async (tx) => {
      const row = await tx.get<CursorRow>(`SELECT cursor_seq, cursor_hash FROM sites WHERE site = ?${this.db.lockRows}`, [site]);
      if (!row) throw new NotFound('site', site);
      const cursor = { seq: row.cursor_seq, hash: row.cursor_hash };
      const needed = hashesNeeded(cursor, batch);
      const stored = new Map<number, string>();
      if (needed.to >= needed.from || needed.head > 0 || needed.base > 0) {
        const rows = await tx.all<{ seq: number; hash: string }>('SELECT seq, hash FROM events WHERE site = ? AND ((seq >= ? AND seq <= ?) OR seq = ? OR seq = ?)',
          [site, needed.from, needed.to, needed.head, needed.base]);
        for (const r of rows) stored.set(r.seq, r.hash);
      }
      await tx.run('SAVEPOINT batch');
      const writes = new WriteQueue();
      try {
        const plan = planIngest(site, cursor, batch, stored);
        if (plan.branch) {
          const { after, cutOff } = plan.branch;
          const aside = await setAsideAfter(tx, site, after, now);
          if (aside.reproject.length > 0) this.#project(writes, tx, site, aside.reproject);
          const message = `the site was restored from a backup at seq ${after}: the ${aside.archived} events the central copy held after it (up to seq ${cutOff.seq}) `
            + `are kept aside as line ${aside.line}${aside.requeued ? `, and ${aside.requeued} head-office commands applied on that line will be applied again` : ''}`;
          const params = { after, archived: aside.archived, cutOff: cutOff.seq, line: aside.line, requeued: aside.requeued };
          await this.#alert(tx, site, 'site-restored', params, message, after + 1, now);
        }
        // Each chunk is checked while the chunk before it is being written: on PostgreSQL the
        // hashing overlaps the database's work. Nothing commits before every link is checked.
        let prev = plan.linkFrom;
        for (let i = 0; i < plan.fresh.length; i += APPEND_CHUNK) {
          const chunk = plan.fresh.slice(i, i + APPEND_CHUNK);
          prev = verifyLinks(site, prev, chunk);
          writes.push(() => tx.insertMany('events', eventColumns, chunk.map((e) => [site, e.seq, e.at, e.actor, e.type, e.entity, e.state, e.prevHash, e.hash])));
        }
        if (plan.fresh.length > 0) this.#project(writes, tx, site, plan.fresh);
        writes.push(() => tx.run('UPDATE sites SET cursor_seq = ?, cursor_hash = ?, last_batch_at = ?, reported_head = ? WHERE site = ?',
          [plan.cursor.seq, plan.cursor.hash, now, Math.max(batch.head.seq, plan.cursor.seq), site]));
        await writes.done();
        return { cursor: plan.cursor, stored: plan.fresh.length };
      } catch (error) {
        await writes.settled();
        if (!(error instanceof ChainRefusal)) throw error;
        await tx.run('ROLLBACK TO SAVEPOINT batch');
        await this.#alert(tx, site, error.alertKind, error.alertParams, error.message, (error.details as { firstBadSeq?: number }).firstBadSeq ?? null, now);
        return error;
      }
    });
    if (outcome instanceof ChainRefusal) throw outcome;
    return outcome;
  }

  /** Queues each ticket's and device's latest state from the fresh events. */
  #project(writes: WriteQueue, tx: SqlRunner, site: string, events: readonly ShippedEvent[]): void {
    const { tickets, ratings, devices } = project(site, events);
    if (tickets.length > 0) {
      const updates = ticketColumns.slice(2).map((c) => `${c.name} = excluded.${c.name}`).join(', ');
      writes.push(() => tx.insertMany('tickets', ticketColumns, tickets, `ON CONFLICT (site, id) DO UPDATE SET ${updates}`));
    }
    for (const { id, score } of ratings) writes.push(() => tx.run('UPDATE tickets SET rating = ? WHERE site = ? AND id = ?', [score, site, id]));
    VendorLinks.project(writes, tx, site, events);
    if (devices.length > 0) {
      writes.push(() => tx.insertMany('devices', deviceColumns, devices, `ON CONFLICT (site, id) DO UPDATE SET kind = excluded.kind, room = excluded.room,
        revoked = excluded.revoked, online = COALESCE(excluded.online, devices.online), last_type = excluded.last_type, last_at = excluded.last_at`));
    }
  }

  /** The same problem raised again (an agent retrying) counts up one alert instead of adding another. */
  async #alert(tx: SqlRunner, site: string, kind: string, params: AlertParams, message: string, seq: number | null, now: string): Promise<void> {
    const fingerprint = `${kind}|${seq ?? ''}|${message}`;
    await tx.run(`INSERT INTO alerts (site, kind, code, params, message, seq, fingerprint, at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (site, fingerprint) DO UPDATE SET repeats = alerts.repeats + 1, last_at = excluded.last_at`,
    [site, kind, kind, JSON.stringify(params), message, seq, fingerprint, now, now]);
  }

  /**
   * The agent's report, and the time it came (which tells the agent is there). A report that
   * knew an older central cursor than the one held (sent before a catch-up, arriving after
   * it) only says the agent is there: its lag is stale and is not kept.
   */
  async recordStatus(site: string, status: SyncStatus, now: string): Promise<void> {
    await this.db.transact(async (tx) => {
      const row = await tx.get<{ sync_status: string | null }>(`SELECT sync_status FROM sites WHERE site = ?${this.db.lockRows}`, [site]);
      const held = row?.sync_status ? SyncStatus.safeParse(JSON.parse(row.sync_status)) : undefined;
      const stale = held?.success === true && held.data.centralCursor > status.centralCursor;
      if (stale) await tx.run('UPDATE sites SET sync_status_at = ? WHERE site = ?', [now, site]);
      else await tx.run('UPDATE sites SET sync_status = ?, sync_status_at = ? WHERE site = ?', [JSON.stringify(status), now, site]);
    });
  }

  async alerts(sites: readonly string[] | null): Promise<Alert[]> {
    const where = sites ? `WHERE site IN (${sites.map(() => '?').join(', ') || "''"})` : '';
    const rows = await this.db.all<{ site: string; kind: string; code: string | null; params: string; message: string; seq: number | null; at: string; last_at: string; repeats: number }>(
      `SELECT site, kind, code, params, message, seq, at, last_at, repeats FROM alerts ${where} ORDER BY n DESC LIMIT 500`, sites ?? []);
    return rows.map((r) => ({
      site: r.site, kind: r.kind, code: r.code, params: alertParams(r.params), message: r.message, seq: r.seq, at: r.at, lastAt: r.last_at, repeats: r.repeats,
    }));
  }

  /** The events set aside by the site's restores, newest line first, oldest event first within a line. */
  async archived(site: string, limit: number, offset = 0): Promise<{ total: number; events: ArchivedEvent[] }> {
    const counted = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM archived_events WHERE site = ?', [site]);
    const rows = await this.db.all<{ line: number; seq: number; at: string; actor: string; type: string; entity: string; archived_at: string }>(
      'SELECT line, seq, at, actor, type, entity, archived_at FROM archived_events WHERE site = ? ORDER BY line DESC, seq ASC LIMIT ? OFFSET ?', [site, limit, offset]);
    return {
      total: Number(counted?.n ?? 0),
      events: rows.map((r) => ({ line: Number(r.line), seq: Number(r.seq), at: r.at, actor: r.actor, type: r.type, entity: r.entity, archivedAt: r.archived_at })),
    };
  }

  async eventCount(site: string): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE site = ?', [site]))?.n ?? 0;
  }

  async events(site: string, filter: EventFilter): Promise<StoredEvent[]> {
    const where = ['site = ?'];
    const args: unknown[] = [site];
    for (const key of ['type', 'entity', 'actor'] as const) {
      if (filter[key]) { where.push(`${key} = ?`); args.push(filter[key]); }
    }
    if (filter.after !== undefined) { where.push('seq > ?'); args.push(filter.after); }
    if (filter.before !== undefined) { where.push('seq < ?'); args.push(filter.before); }
    // Paging forward from `after` reads oldest first; otherwise the newest come first.
    const order = filter.after !== undefined ? 'ASC' : 'DESC';
    return this.db.all<StoredEvent>(
      `SELECT seq, at, actor, type, entity, state, prev_hash, hash FROM events WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`, [...args, filter.limit]);
  }

  /** Stored events as the agent shipped them (state as the hashed text), oldest first. */
  async shipped(site: string, after: number, limit: number): Promise<ShippedEvent[]> {
    const rows = await this.events(site, { after, limit });
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, type: r.type, entity: r.entity, state: r.state, prevHash: r.prev_hash, hash: r.hash }));
  }

  /** Walks the site's whole central copy from the first event, page by page, and names the first break. */
  async verify(site: string): Promise<VerifyResult> {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let head: VerifyResult['head'] = null;
    for (;;) {
      const page = await this.events(site, { after: expectedSeq - 1, limit: 5000 });
      for (const row of page) {
        const problem =
          row.seq !== expectedSeq ? `sequence number ${expectedSeq} is missing` :
          row.prev_hash !== prev ? 'prev_hash does not match the hash of the event before it' :
          row.hash !== eventHash(prev, { ...row, site }) ? 'the hash does not match the event\'s content' : null;
        if (problem) return { ok: false, checked: expectedSeq - 1, head, firstBadSeq: expectedSeq, problem };
        prev = row.hash;
        expectedSeq += 1;
        head = { seq: row.seq, hash: row.hash };
      }
      if (page.length < 5000) return { ok: true, checked: expectedSeq - 1, head, firstBadSeq: null, problem: null };
    }
  }
}

function alertParams(text: string): AlertParams {
  try {
    const parsed = AlertParamsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
