import { type BridgeEventsPage, type ChainPoint, type ShippedEvent, SITE_RESTORED } from '../contracts/index.ts';
import { GENESIS_HASH } from '../store/hash-chain.ts';
import type { Db } from '../store/database.sqlite.ts';

interface Row { seq: number; at: string; actor: string; type: string; entity: string; state: string; prev_hash: string; hash: string }

/**
 * The log as the bridge ships it: read from the database file rather than the store's
 * in-memory head, so what leaves the site is exactly what is on disk, and a row edited
 * or cut away behind the gateway's back shows up at the central server's check.
 */
export class ShippedLog {
  readonly #after;
  readonly #head;
  readonly #at;
  readonly #restored;
  readonly #siteEntity: string;

  constructor(db: Db, site: string) {
    // By entity, which is indexed: the bridge asks on every page.
    this.#restored = db.prepare<[string, string], { seq: number; hash: string }>('SELECT seq, hash FROM events WHERE entity = ? AND type = ? ORDER BY seq DESC LIMIT 1');
    this.#siteEntity = `site:${site}`;
    this.#after = db.prepare<[number, number], Row>('SELECT seq, at, actor, type, entity, state, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.#head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
    this.#at = db.prepare<[number], { at: string }>('SELECT at FROM events WHERE seq = ?');
  }

  /** Events after `seq`, oldest first, with the head as it stood when they were read. */
  page(after: number, limit: number): BridgeEventsPage {
    const events = this.#after.all(after, limit).map(toShipped);
    return { events, head: this.head(), restored: this.#restored.get(this.#siteEntity, SITE_RESTORED) ?? null };
  }

  head(): ChainPoint {
    return this.#head.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** When the event with this seq was written, if it exists. */
  writtenAt(seq: number): string | null {
    return this.#at.get(seq)?.at ?? null;
  }
}

const toShipped = (row: Row): ShippedEvent => ({
  seq: row.seq, at: row.at, actor: row.actor, type: row.type, entity: row.entity, state: row.state, prevHash: row.prev_hash, hash: row.hash,
});
