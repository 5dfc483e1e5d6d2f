import { eventHash, GENESIS_HASH } from '@doorside/edge/audit';
import { SITE_RESTORED, SiteRestoredState } from '@doorside/edge/contracts';
import type { ChainPoint, EventBatch, ShippedEvent } from '../protocol.ts';
import { ChainBroken, LogCutBack, OutOfOrder } from './errors.ts';

/**
 * The stored hashes a plan compares against: the seqs the batch re-sends, the head it
 * reports, and (for a batch that opens with a restore) the event the restore follows.
 */
export interface HashesNeeded { from: number; to: number; head: number; base: number }

export interface IngestPlan {
  /** The events the central copy does not hold yet, in order; their hashes are not checked yet (see `verifyLinks`). */
  fresh: ShippedEvent[];
  /** The hash the first fresh event must link to. */
  linkFrom: string;
  /** The cursor once `fresh` is stored. */
  cursor: ChainPoint;
  /**
   * Set when the site was restored from a backup whose head is `after`: the central copy's
   * events after it (up to `cutOff`) are set aside before `fresh` is stored in their place.
   */
  branch?: { after: number; cutOff: ChainPoint };
}

const opensRestore = (cursor: ChainPoint, batch: EventBatch) => batch.events[0]?.type === SITE_RESTORED && batch.after < cursor.seq;

export function hashesNeeded(cursor: ChainPoint, batch: EventBatch): HashesNeeded {
  const last = batch.after + batch.events.length;
  const reSent = batch.after < cursor.seq && batch.events.length > 0;
  return {
    from: reSent ? batch.after + 1 : 1,
    to: reSent ? Math.min(last, cursor.seq) : 0,
    head: batch.head.seq <= cursor.seq ? batch.head.seq : 0,
    base: opensRestore(cursor, batch) ? batch.after : 0,
  };
}

/**
 * Decides what a batch does to the central copy of a site's chain, or throws the refusal.
 * `stored` holds the hashes `hashesNeeded` asked for. Pure: the caller holds the site's
 * lock, loads, calls this, and writes what it returns in the same transaction. Re-sent
 * events are checked here; the fresh ones are left to `verifyLinks`, which the caller
 * runs chunk by chunk while the previous chunk is being written, and must run to the end
 * before it commits.
 */
export function planIngest(site: string, cursor: ChainPoint, batch: EventBatch, stored: ReadonlyMap<number, string>): IngestPlan {
  const { after, events, head } = batch;
  const last = after + events.length;
  events.forEach((event, i) => {
    const expected = after + 1 + i;
    if (event.seq !== expected) throw new ChainBroken(expected, 'seq-missing', `sequence number ${expected} is missing: the batch's events are not consecutive after seq ${after}`);
  });
  if (head.seq < last) throw new ChainBroken(head.seq + 1, 'head-behind-batch', `the batch holds seq ${last} but reports the site's head at seq ${head.seq}`);
  if (events.length > 0 && head.seq === last && head.hash !== events[events.length - 1]!.hash) {
    throw new ChainBroken(last, 'head-not-last', 'the head the batch reports is not its last event');
  }
  if (after > cursor.seq) throw new OutOfOrder(cursor, after);
  const restored = declaredRestore(cursor, batch, stored);
  if (restored) return restored;

  const changed = events.find((e) => e.seq <= cursor.seq && stored.get(e.seq) !== e.hash);
  if (head.seq <= cursor.seq) {
    const seen = head.seq === 0 ? GENESIS_HASH : stored.get(head.seq);
    if (seen !== head.hash) {
      throw new LogCutBack(head, cursor, head.seq === cursor.seq ? 'head-hash-differs' : 'head-not-held', head.seq === cursor.seq
        ? `its head at seq ${head.seq} has another hash than the last event the central copy holds`
        : `its head at seq ${head.seq} is not the event the central copy holds there`);
    }
    // A late copy of a batch already taken is the one way a head behind the cursor is honest.
    const staleResend = events.length > 0 && last <= cursor.seq && changed === undefined;
    if (head.seq < cursor.seq && !staleResend) {
      throw new LogCutBack(head, cursor, 'head-behind', `its head is at seq ${head.seq}, behind seq ${cursor.seq} that the central copy already holds`);
    }
  }
  if (changed) throw new ChainBroken(changed.seq, 'event-changed', `event ${changed.seq} was sent again with another hash than the one stored: the site's log was changed`);

  if (events.length === 0) {
    if (after < cursor.seq) throw new OutOfOrder(cursor, after);
    return { fresh: [], linkFrom: cursor.hash, cursor };
  }
  // A re-sent first event is vouched for by its stored hash, which covers its prevHash.
  const reSent = events.filter((e) => e.seq <= cursor.seq);
  const linkFrom = reSent.length > 0 ? verifyLinks(site, events[0]!.prevHash, reSent) : cursor.hash;
  const fresh = last > cursor.seq ? events.slice(cursor.seq - after) : [];
  return { fresh, linkFrom, cursor: fresh.length > 0 ? { seq: last, hash: fresh[fresh.length - 1]!.hash } : cursor };
}

/**
 * A site restored from a backup goes on from the backup's head with a `site-restored` event
 * that names it. When the central copy went further on the old line, that event arrives
 * re-sent at a seq the copy already holds with another hash. It is taken as a new line only
 * if it follows exactly the event the central copy holds at the backup's head (so the backup
 * is a true prefix of what was received); everything after it is then set aside, not lost.
 */
function declaredRestore(cursor: ChainPoint, batch: EventBatch, stored: ReadonlyMap<number, string>): IngestPlan | null {
  const first = batch.events[0];
  if (!first || !opensRestore(cursor, batch) || stored.get(first.seq) === first.hash) return null;
  const base = batch.after === 0 ? GENESIS_HASH : stored.get(batch.after);
  const declared = SiteRestoredState.safeParse(parseJson(first.state));
  if (base === undefined || first.prevHash !== base || !declared.success || declared.data.backup.seq !== batch.after || declared.data.backup.hash !== base) {
    throw new ChainBroken(first.seq, 'restore-mismatch', `the site says it was restored from a backup at seq ${batch.after}, but its log does not go on from the event the central copy holds there`);
  }
  const last = batch.events[batch.events.length - 1]!;
  return { fresh: batch.events, linkFrom: base, cursor: { seq: last.seq, hash: last.hash }, branch: { after: batch.after, cutOff: cursor } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Checks that each event links to the one before (`prev` for the first) and that its hash covers its content; answers the last hash. */
export function verifyLinks(site: string, prev: string, events: readonly ShippedEvent[]): string {
  for (const e of events) {
    if (e.prevHash !== prev) throw new ChainBroken(e.seq, 'prev-hash-mismatch', 'prev_hash does not match the hash of the event before it');
    const hash = eventHash(prev, { seq: e.seq, site, at: e.at, actor: e.actor, type: e.type, entity: e.entity, state: e.state });
    if (hash !== e.hash) throw new ChainBroken(e.seq, 'hash-mismatch', 'the hash does not match the event\'s content');
    prev = e.hash;
  }
  return prev;
}
