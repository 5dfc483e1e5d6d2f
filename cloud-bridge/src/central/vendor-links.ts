import { VendorLinkChanges } from '@doorside/edge/contracts';
import type { ShippedEvent } from '../protocol.ts';
import type { SqlDriver, SqlRunner } from './sql-driver.ts';
import type { WriteQueue } from './write-queue.ts';

/** A vendor link as the central server knows it from the site's log. */
export interface VendorLink { digest: string; site: string; workOrder: string; contact: string; revoked: boolean }

type LinkStep =
  | { kind: 'issue'; workOrder: string; digest: string; contact: string; seq: number }
  | { kind: 'revoke'; workOrder: string; contact: string | null; seq: number };

/**
 * The link steps in a batch of events, in log order: a work-order event that took links back
 * (revoke first, as the site does) and issued new ones. Other events are passed over unread.
 */
export function linkSteps(events: readonly ShippedEvent[]): LinkStep[] {
  const steps: LinkStep[] = [];
  for (const event of events) {
    if (!event.entity.startsWith('work-order:') || !event.state.includes('"workOrderLinks"')) continue;
    let parsed: unknown;
    try { parsed = JSON.parse(event.state); } catch { continue; }
    const changes = VendorLinkChanges.safeParse(parsed);
    if (!changes.success) continue;
    const workOrder = event.entity.slice('work-order:'.length);
    if (changes.data.revokedLinks) steps.push({ kind: 'revoke', workOrder, contact: changes.data.revokedLinks.contact, seq: event.seq });
    for (const link of changes.data.workOrderLinks) steps.push({ kind: 'issue', workOrder, digest: link.digest, contact: link.contact, seq: event.seq });
  }
  return steps;
}

/** The digest → site → work order map, kept from each site's log as it arrives. */
export class VendorLinks {
  constructor(private readonly db: SqlDriver) {}

  /** Queues the batch's link steps; a batch sent again finds its links there already and changes nothing. */
  static project(writes: WriteQueue, tx: SqlRunner, site: string, events: readonly ShippedEvent[]): void {
    for (const step of linkSteps(events)) {
      if (step.kind === 'issue') {
        writes.push(() => tx.run('INSERT INTO vendor_links (digest, site, work_order, contact, issued_seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING',
          [step.digest, site, step.workOrder, step.contact, step.seq]));
      } else {
        const which = step.contact === null ? '' : ' AND contact = ?';
        writes.push(() => tx.run(`UPDATE vendor_links SET revoked_seq = ? WHERE site = ? AND work_order = ?${which} AND revoked_seq IS NULL AND issued_seq < ?`,
          [step.seq, site, step.workOrder, ...(step.contact === null ? [] : [step.contact]), step.seq]));
      }
    }
  }

  async find(digest: string): Promise<VendorLink | undefined> {
    const row = await this.db.get<{ digest: string; site: string; work_order: string; contact: string; revoked_seq: number | null }>(
      'SELECT digest, site, work_order, contact, revoked_seq FROM vendor_links WHERE digest = ?', [digest]);
    return row && { digest: row.digest, site: row.site, workOrder: row.work_order, contact: row.contact, revoked: row.revoked_seq !== null };
  }
}
