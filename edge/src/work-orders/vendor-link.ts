import type { VendorWorkOrderView, WorkOrder } from '../contracts/index.ts';
import { tokenDigest } from '../auth/token.ts';
import { NotFound } from '../domain-error.ts';
import { type Actor, vendorActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { orderRefusal } from './work-order-rules.ts';

/** How long a closed order's link still opens (read-only) before it is gone. */
export const READABLE_AFTER_CLOSE_MS = 30 * 24 * 3600 * 1000;

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
  const gone = order?.closedAt && Date.parse(at) - Date.parse(order.closedAt) > READABLE_AFTER_CLOSE_MS;
  if (!link || !order || !known || gone) throw new NotFound('work order link', 'given');
  return { order, actor: vendorActor(order.vendor, link.contact, order.id), contact: link.contact, readOnly: order.closedAt !== null };
}

const vendorActions = {
  accept: 'accept-work-order', decline: 'decline-work-order', comment: 'comment-work-order',
  files: 'add-work-order-files', start: 'start-work-order', done: 'report-work-order-done',
} as const;
export type VendorAction = keyof typeof vendorActions;
export const commandOf = (action: VendorAction) => vendorActions[action];

/** What the vendor's page shows; never the team's names, never another order. */
export function vendorView(store: SiteStore, opened: OpenedLink): VendorWorkOrderView {
  const { order } = opened;
  const vendor = store.workOrders.vendor(order.vendor)!;
  const contact = vendor.contacts.find((c) => c.id === opened.contact)!;
  const room = order.room ? store.rooms.get(order.room) : undefined;
  const ticket = order.ticket ? store.tickets.get(order.ticket) : undefined;
  const reporterContact = order.shareReporterContact ? ticket?.reporter.contact ?? null : null;
  return {
    workOrder: {
      id: order.id, title: order.title, description: order.description, instructions: order.instructions, dueAt: order.dueAt, costLimit: order.costLimit,
      status: order.status, attachments: order.attachments, comments: order.comments, rejections: order.rejections, declineReason: order.declineReason,
      report: order.report, sentAt: order.sentAt, answeredAt: order.answeredAt, startedAt: order.startedAt, doneAt: order.doneAt, closedAt: order.closedAt,
    },
    vendor: { id: vendor.id, name: vendor.name },
    contact: { id: contact.id, name: contact.name, language: contact.language },
    room: room ? { id: room.id, name: room.name, floor: room.floor, status: room.status } : null,
    reporter: reporterContact ? { contact: reporterContact } : null,
    readOnly: opened.readOnly,
    actions: (Object.keys(vendorActions) as VendorAction[]).filter((a) => orderRefusal(opened.actor, vendorActions[a], order) === null),
  };
}
