import type { Vendor, VendorWorkOrderView, WorkOrder } from '../contracts/index.ts';
import { type Actor, vendorActor } from '../rights/actor.ts';
import { orderLifecycle, orderRefusal } from './work-order-rules.ts';

/** How long a closed order's link still opens (read-only) before it is gone. */
export const READABLE_AFTER_CLOSE_MS = 30 * 24 * 3600 * 1000;

const vendorActions = {
  accept: 'accept-work-order', decline: 'decline-work-order', comment: 'comment-work-order',
  files: 'add-work-order-files', start: 'start-work-order', done: 'report-work-order-done',
} as const;
export type VendorAction = keyof typeof vendorActions;
export const commandOf = (action: VendorAction) => vendorActions[action];

/** Whether a link to this order no longer opens at all at `at`: 30 days after the order closed. */
export const linkGone = (order: Pick<WorkOrder, 'closedAt'>, at: string) => order.closedAt !== null && Date.parse(at) - Date.parse(order.closedAt) > READABLE_AFTER_CLOSE_MS;

/** Who a link acts as: the vendor's contact, on that one order. */
export const linkActor = (order: Pick<WorkOrder, 'id' | 'vendor'>, contact: string): Actor => vendorActor(order.vendor, contact, order.id);

export interface VendorViewParts {
  order: WorkOrder;
  vendor: Vendor;
  contact: string;
  room: { id: string; name: string; floor: number | null; status: string } | null;
  /** The reporter's contact, when the ticket has one; shown only if the team allows it. */
  reporterContact: string | null;
}

/** What the vendor's page shows, wherever it is served from; never the team's names, never another order. */
export function composeVendorView({ order, vendor, contact: contactId, room, reporterContact }: VendorViewParts): VendorWorkOrderView | undefined {
  const contact = vendor.contacts.find((c) => c.id === contactId);
  if (!contact) return undefined;
  const actor = linkActor(order, contactId);
  return {
    workOrder: {
      id: order.id, title: order.title, description: order.description, instructions: order.instructions, dueAt: order.dueAt, costLimit: order.costLimit,
      status: order.status, attachments: order.attachments, comments: order.comments, rejections: order.rejections, declineReason: order.declineReason,
      report: order.report, sentAt: order.sentAt, answeredAt: order.answeredAt, startedAt: order.startedAt, doneAt: order.doneAt, closedAt: order.closedAt,
    },
    vendor: { id: vendor.id, name: vendor.name },
    contact: { id: contact.id, name: contact.name, language: contact.language },
    room: room ? { id: room.id, name: room.name, floor: room.floor, status: room.status } : null,
    reporter: order.shareReporterContact && reporterContact ? { contact: reporterContact } : null,
    readOnly: order.closedAt !== null,
    actions: (Object.keys(vendorActions) as VendorAction[]).filter((a) => orderRefusal(actor, vendorActions[a], order) === null),
  };
}

/**
 * The order as it will be once the vendor's steps still on their way to the site are applied,
 * each through the same rules (a step the rules would refuse changes nothing): what the vendor
 * may do next is judged on this, so a page served away from the site does not offer an accept twice.
 */
export function withQueued(order: WorkOrder, contact: string, queued: readonly VendorAction[]): WorkOrder {
  const actor = linkActor(order, contact);
  return queued.reduce((o, action) => {
    const type = vendorActions[action];
    const to = orderLifecycle[type].to;
    return to && orderRefusal(actor, type, o) === null ? { ...o, status: to } : o;
  }, order);
}
