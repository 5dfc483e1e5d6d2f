import type { WorkOrder, WorkOrderCommand, WorkOrderStatus } from '../contracts/index.ts';
import { type DomainError, Forbidden, Refusal } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { grantsOf, type Right, type Scope } from '../rights/rights.ts';

type OrderAction = Exclude<WorkOrderCommand['type'], 'define-vendor' | 'update-vendor' | 'create-work-order' | 'issue-work-order-link' | 'revoke-work-order-link' | 'remind-work-order'>;

/**
 * The work order's lifecycle: in which statuses each action applies, and what it leads to.
 * sent → accepted | declined → in_progress → done → verified; rejected goes back to
 * in_progress; withdrawn at any time before done. Declined, verified and withdrawn close it.
 */
export const orderLifecycle: Record<OrderAction, { right: Right; from: readonly WorkOrderStatus[]; to: WorkOrderStatus | null }> = {
  'accept-work-order': { right: 'accept-work-order', from: ['sent'], to: 'accepted' },
  'decline-work-order': { right: 'decline-work-order', from: ['sent'], to: 'declined' },
  'comment-work-order': { right: 'comment-work-order', from: ['sent', 'accepted', 'in_progress', 'done'], to: null },
  'add-work-order-files': { right: 'add-work-order-files', from: ['sent', 'accepted', 'in_progress', 'done'], to: null },
  'start-work-order': { right: 'start-work-order', from: ['accepted'], to: 'in_progress' },
  'report-work-order-done': { right: 'report-work-order-done', from: ['in_progress'], to: 'done' },
  'verify-work-order': { right: 'verify-work-order', from: ['done'], to: 'verified' },
  // Sending a finished job back is refusing a service: the same right as rejecting any service.
  'reject-work-order': { right: 'reject', from: ['done'], to: 'in_progress' },
  'withdraw-work-order': { right: 'withdraw-work-order', from: ['sent', 'accepted', 'in_progress'], to: 'withdrawn' },
};

export const closedStatuses: readonly WorkOrderStatus[] = ['declined', 'verified', 'withdrawn'];

/** The actions an order accepts in a status, whoever asks. */
export function orderActionsIn(status: WorkOrderStatus): OrderAction[] {
  return (Object.keys(orderLifecycle) as OrderAction[]).filter((a) => orderLifecycle[a].from.includes(status));
}

/**
 * Scopes, with the work order in the ticket's place: `own` is, for a vendor, the order their
 * link opens, and for a person, an order they answer for; `room` a panel's room.
 */
function reaches(scope: Scope, actor: Actor, order: WorkOrder): boolean {
  switch (scope) {
    case 'any': return true;
    case 'own': return actor.vendor ? actor.vendor.workOrder === order.id && actor.vendor.id === order.vendor : actor.user !== null && actor.user === order.responsible;
    case 'team': return false;
    case 'room': return actor.room !== null && actor.room === order.room;
    // Tenants reach tickets they reported or their company's; a work order is the team's and the vendor's alone.
    case 'reporter': case 'company': case 'tracked': return false;
  }
}

/** Why the actor may not take the action on the order now, or null: the rights table first, then the status. */
export function orderRefusal(actor: Actor, action: OrderAction, order: WorkOrder): DomainError | null {
  const { right, from } = orderLifecycle[action];
  const held = grantsOf(actor.role, right);
  if (held.length === 0) return new Forbidden('NOT_PERMITTED', `a ${actor.role} may not ${right}`, { role: actor.role, right });
  if (!held.some((g) => g.scope.every((s) => reaches(s, actor, order)))) {
    return new Forbidden('NOT_YOUR_WORK_ORDER', 'a vendor acts only on the work orders sent to them');
  }
  if (!from.includes(order.status)) {
    return new Refusal('WORK_ORDER_STATE', `cannot ${action.replace('-work-order', '')} a work order that is ${order.status}`, { status: order.status, allowed: orderActionsIn(order.status) });
  }
  return null;
}
