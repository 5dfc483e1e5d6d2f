import { CentralCommand, Vendor, type VendorWorkOrderView, WorkOrder } from '@doorside/edge/contracts';
import { NotFound } from '@doorside/edge/http';
import { composeVendorView, linkGone, type VendorAction, withQueued } from '@doorside/edge/work-orders';
import { z } from 'zod';
import type { SqlDriver } from './sql-driver.ts';
import type { VendorLink, VendorLinks } from './vendor-links.ts';

const RoomState = z.object({ id: z.string(), name: z.string(), floor: z.number().nullable().catch(null), status: z.string() });
const TicketReporter = z.object({ reporter: z.object({ contact: z.string().nullable().optional() }) });

/** A link the central server can serve: its order as the site's log last said, and the steps held for the site. */
export interface OpenedCentralLink { link: VendorLink; order: WorkOrder; view: VendorWorkOrderView }

/**
 * The vendor's page as the central server answers it: from its copy of the site's log (the
 * order, its vendor, room and ticket as last synced), with the vendor's steps it still holds
 * for the site counted in. A forged, revoked or expired link, or one whose order or contact the
 * copy does not hold, all get the same 404.
 */
export class VendorViews {
  constructor(private readonly db: SqlDriver, private readonly links: VendorLinks) {}

  async open(digest: string, at: string): Promise<OpenedCentralLink> {
    const link = await this.links.find(digest);
    const order = link && !link.revoked ? await this.#latest(link.site, `work-order:${link.workOrder}`, WorkOrder) : undefined;
    const vendor = order && await this.#latest(link!.site, `vendor:${order.vendor}`, Vendor);
    if (!link || !order || !vendor || linkGone(order, at)) throw new NotFound('work order link', 'given');
    const room = order.room ? await this.#latest(link.site, `room:${order.room}`, RoomState) : undefined;
    const ticket = order.ticket ? await this.#latest(link.site, `ticket:${order.ticket}`, TicketReporter) : undefined;
    const queued = await this.queued(link);
    const view = composeVendorView({
      order: withQueued(order, link.contact, queued), vendor, contact: link.contact, room: room ?? null, reporterContact: ticket?.reporter.contact ?? null,
    });
    if (!view) throw new NotFound('work order link', 'given');
    const synced = await this.db.get<{ last_batch_at: string | null }>('SELECT last_batch_at FROM sites WHERE site = ?', [link.site]);
    return { link, order, view: { ...view, queued: queued.length, syncedAt: synced?.last_batch_at ?? null } };
  }

  /**
   * The vendor's steps through this link the copy of the site's log does not show yet, oldest
   * first: those the site has not answered, and those it applied with an event the copy has not
   * received (the site's answer comes up before its events).
   */
  async queued(link: VendorLink): Promise<VendorAction[]> {
    const rows = await this.db.all<{ body: string }>(
      `SELECT body FROM commands WHERE site = ? AND (state = 'pending'
         OR (state = 'applied' AND seq > (SELECT cursor_seq FROM sites WHERE site = ?))) ORDER BY n`,
      [link.site, link.site],
    );
    return rows.map((r) => CentralCommand.safeParse(JSON.parse(r.body)))
      .flatMap((c) => (c.success && c.data.type === 'vendor-action' && c.data.digest === link.digest ? [c.data.action] : []));
  }

  /** The work order as the copy of the site's log last had it. */
  order(site: string, id: string): Promise<WorkOrder | undefined> {
    return this.#latest(site, `work-order:${id}`, WorkOrder);
  }

  /** The entity's latest state of this shape: a room's or a ticket's log also holds events of other shapes (a QR code, a rating). */
  async #latest<T>(site: string, entity: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const rows = await this.db.all<{ state: string }>('SELECT state FROM events WHERE site = ? AND entity = ? ORDER BY seq DESC LIMIT 20', [site, entity]);
    for (const row of rows) {
      let state: unknown;
      try { state = JSON.parse(row.state); } catch { continue; }
      const parsed = schema.safeParse(state);
      if (parsed.success) return parsed.data;
    }
    return undefined;
  }
}
