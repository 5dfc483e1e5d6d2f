import type { WorkOrder } from '@doorside/edge/contracts';
import { ApiError } from '../../api/gateway-client.ts';
import type { Translator } from '../../i18n/translator.ts';

/**
 * A vendor is late to answer once the first reminder of the order's chase has fallen due: the
 * server's reminder schedule says when (`reminders.nextAt` before the first, `step` after it),
 * not the page. An order without a chase is never called late.
 */
export function awaitingTooLong(order: WorkOrder, now: Date): boolean {
  const chase = order.reminders;
  if (order.status !== 'sent' || !chase) return false;
  return chase.step > 0 || (chase.nextAt !== null && Date.parse(chase.nextAt) <= now.getTime());
}
export const pastDue = (order: WorkOrder, now: Date) =>
  order.dueAt !== null && ['sent', 'accepted', 'in_progress'].includes(order.status) && Date.parse(order.dueAt) < now.getTime();

/** Orders the page read, with every newer state the live feed pushed since; those pushed that match the filter join the list. */
export function mergeOrders(read: readonly WorkOrder[], pushed: readonly WorkOrder[], keep: (order: WorkOrder) => boolean): WorkOrder[] {
  const byId = new Map(read.map((o) => [o.id, o]));
  for (const order of pushed) {
    const known = byId.get(order.id);
    if (known ? known.updatedAt <= order.updatedAt : keep(order)) byId.set(order.id, order);
  }
  return [...byId.values()].filter(keep).sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
}

/** A refusal in the team's words, by its code. */
export function refusalWords({ t }: Translator, error: unknown): string {
  if (error instanceof ApiError && error.code === 'WORK_ORDER_STATE') return t('wo.stateChanged');
  return t('wo.refused', { message: error instanceof Error ? error.message : String(error) });
}

/** Money in minor units, written the reader's way. */
export function moneyWords(lang: string, { amount, currency }: { amount: number; currency: string }): string {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
