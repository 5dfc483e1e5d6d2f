import type { WorkOrder } from '@doorside/edge/contracts';
import { ApiError } from '../../api/gateway-client.ts';
import type { Translator } from '../../i18n/translator.ts';

/** A vendor who has not answered a day after the order went out is late: the first reminder goes then. */
export const ANSWER_WITHIN_MS = 24 * 3600 * 1000;

export const awaitingTooLong = (order: WorkOrder, now: Date) => order.status === 'sent' && now.getTime() - Date.parse(order.sentAt) > ANSWER_WITHIN_MS;
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
