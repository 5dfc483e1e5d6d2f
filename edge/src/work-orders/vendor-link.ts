import type { VendorWorkOrderView, WorkOrder } from '../contracts/index.ts';
import { tokenDigest } from '../auth/token.ts';
import { NotFound } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { composeVendorView, linkActor, linkGone } from './vendor-view.ts';

export interface OpenedLink { order: WorkOrder; actor: Actor; contact: string; readOnly: boolean }

/**
 * The order a vendor's token opens. A forged, revoked or expired token, or one whose vendor
 * contact is gone, all get the same 404: a caller learns nothing about which it was.
 */
export function openLink(store: SiteStore, token: string, at: string): OpenedLink {
  return openLinkByDigest(store, tokenDigest(token), at);
}

/** The same, by the token's digest: what a vendor's step taken at the central server names the link by. */
export function openLinkByDigest(store: SiteStore, digest: string, at: string): OpenedLink {
  const link = store.workOrders.link(digest);
  const order = link && !link.revokedAt ? store.workOrders.get(link.workOrder) : undefined;
  const vendor = order && store.workOrders.vendor(order.vendor);
  const known = vendor?.contacts.some((c) => c.id === link!.contact);
  const gone = order && linkGone(order, at);
  if (!link || !order || !known || gone) throw new NotFound('work order link', 'given');
  return { order, actor: linkActor(order, link.contact), contact: link.contact, readOnly: order.closedAt !== null };
}

export { commandOf, READABLE_AFTER_CLOSE_MS, type VendorAction } from './vendor-view.ts';

/** What the vendor's page shows; never the team's names, never another order. */
export function vendorView(store: SiteStore, opened: OpenedLink): VendorWorkOrderView {
  const { order } = opened;
  const room = order.room ? store.rooms.get(order.room) : undefined;
  const ticket = order.ticket ? store.tickets.get(order.ticket) : undefined;
  return composeVendorView({
    order, vendor: store.workOrders.vendor(order.vendor)!, contact: opened.contact,
    room: room ? { id: room.id, name: room.name, floor: room.floor, status: room.status } : null, reporterContact: ticket?.reporter.contact ?? null,
  })!;
}
