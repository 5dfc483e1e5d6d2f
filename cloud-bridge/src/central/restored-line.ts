import type { ShippedEvent } from '../protocol.ts';
import type { SqlRunner } from './sql-driver.ts';

export interface SetAside {
  /** Which of the site's restores this was (1 for the first). */
  line: number;
  archived: number;
  /** Head-office commands whose effect was on the line set aside: pending again, for the site to apply anew. */
  requeued: number;
  /** The remaining events of every ticket and device the set-aside events touched, oldest first, to project again. */
  reproject: ShippedEvent[];
}

/**
 * Moves the central copy's events after `after` into `archived_events`, in the caller's
 * transaction, and undoes what they did here: the tickets and devices they projected are
 * projected again from the events that remain, and head-office commands applied on the
 * old line are queued again (the restored site has no record of them, so applies them once).
 */
export async function setAsideAfter(tx: SqlRunner, site: string, after: number, now: string): Promise<SetAside> {
  const line = ((await tx.get<{ n: number | null }>('SELECT MAX(line) AS n FROM archived_events WHERE site = ?', [site]))?.n ?? 0) + 1;
  const archived = await tx.run(`INSERT INTO archived_events (site, line, seq, at, actor, type, entity, state, prev_hash, hash, archived_at)
    SELECT site, ?, seq, at, actor, type, entity, state, prev_hash, hash, ? FROM events WHERE site = ? AND seq > ?`, [line, now, site, after]);
  const touched = (await tx.all<{ entity: string }>('SELECT DISTINCT entity FROM events WHERE site = ? AND seq > ?', [site, after]))
    .map((r) => r.entity).filter((e) => e.startsWith('ticket:') || e.startsWith('device:'));
  await tx.run('DELETE FROM events WHERE site = ? AND seq > ?', [site, after]);
  const requeued = await tx.run("UPDATE commands SET state = 'pending', reason = NULL, seq = NULL, answered_at = NULL WHERE site = ? AND state = 'applied' AND seq > ?", [site, after]);
  const reproject: ShippedEvent[] = [];
  for (let i = 0; i < touched.length; i += 500) {
    const chunk = touched.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(', ');
    const tickets = chunk.filter((e) => e.startsWith('ticket:')).map((e) => e.slice('ticket:'.length));
    const devices = chunk.filter((e) => e.startsWith('device:')).map((e) => e.slice('device:'.length));
    if (tickets.length) await tx.run(`DELETE FROM tickets WHERE site = ? AND id IN (${tickets.map(() => '?').join(', ')})`, [site, ...tickets]);
    if (devices.length) await tx.run(`DELETE FROM devices WHERE site = ? AND id IN (${devices.map(() => '?').join(', ')})`, [site, ...devices]);
    const rows = await tx.all<{ seq: number; at: string; actor: string; type: string; entity: string; state: string; prev_hash: string; hash: string }>(
      `SELECT seq, at, actor, type, entity, state, prev_hash, hash FROM events WHERE site = ? AND entity IN (${marks}) ORDER BY seq`, [site, ...chunk]);
    reproject.push(...rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, type: r.type, entity: r.entity, state: r.state, prevHash: r.prev_hash, hash: r.hash })));
  }
  reproject.sort((a, b) => a.seq - b.seq);
  return { line, archived, requeued, reproject };
}
