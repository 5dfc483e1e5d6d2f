import type { Change, NoticeOutcome, PaymentCommand, PaymentNotice, Refund } from '../contracts/index.ts';
import type { CommandInput } from '../commands/command-module.ts';
import { openTicket } from '../tickets/open-ticket.ts';
import type { SiteStore } from '../store/site-store.ts';
import { nextCheckAt, settledChanges } from './refund-rules.ts';

/** Our refund number as a provider knows it (`{site}_R-3`) → the refund's id, or null. */
export const refundIdOf = (outRefundNo: string): string | null => /_(R-\d{1,9})$/.exec(outRefundNo)?.[1] ?? null;

/**
 * A provider's notice that a refund ended (WeChat Pay's REFUND.SUCCESS, REFUND.ABNORMAL,
 * REFUND.CLOSED): it settles a refund still under way, once; a refund settled already (by a
 * check, or by the same notice before) is left as it is.
 */
export function refundNotice(store: SiteStore, notice: PaymentNotice): { changes: Change[]; result: NoticeOutcome } {
  const payment = store.payments.byTradeNo(notice.tradeNo);
  const id = notice.refund ? refundIdOf(notice.refund.outRefundNo) : null;
  const refund = id ? store.payments.refund(id) : undefined;
  if (!notice.refund || !payment || payment.provider !== notice.provider || !refund || refund.payment !== payment.id) {
    return { changes: [], result: { outcome: 'ignored', payment: payment?.id ?? null } };
  }
  if (refund.status !== 'requested') return { changes: [], result: { outcome: 'repeat', payment: payment.id } };
  const changes = settledChanges(store, refund, notice.refund.outcome, 'refund-answered', {
    reference: notice.refund.reference || undefined, failure: notice.refund.outcome === 'failed' ? notice.refund.code : undefined,
  });
  return { changes, result: { outcome: 'settled', payment: payment.id } };
}

type Check = Extract<PaymentCommand, { type: 'record-refund-check' }>;

/**
 * What a check found: settled (done, or failed with the provider's code), or still under way
 * (or the provider not reached), when the next check is put off further; after the last one,
 * a person gets a task in the order's room to find out at the provider.
 */
export function refundChecked(store: SiteStore, input: CommandInput, refund: Refund, check: Check): { changes: Change[]; result: Refund } {
  if (check.outcome === 'done' || check.outcome === 'failed') {
    const changes = settledChanges(store, refund, check.outcome, 'refund-checked', check);
    return { changes, result: (changes[0] as { state: Refund }).state };
  }
  const checks = (refund.checks ?? 0) + 1;
  const next = nextCheckAt(input.at, checks);
  const changes: Change[] = [];
  let task = refund.task ?? null;
  if (next === null && task === null) {
    const opened = unsettledTask(store, input, refund, checks);
    if (opened) {
      changes.push(...opened.changes);
      task = opened.ticket.id;
    }
  }
  const state: Refund = { ...refund, checks, nextCheckAt: next, task, reference: check.reference ?? refund.reference ?? null };
  changes.push({ entity: 'refund', type: 'refund-checked', state });
  return { changes, result: state };
}

/** The task for a refund the provider has not settled after every check: in the order's room, under its job's category. */
function unsettledTask(store: SiteStore, input: CommandInput, refund: Refund, checks: number) {
  const order = store.orders.get(refund.order);
  const job = order && store.tickets.get(order.ticket);
  const room = order && store.rooms.get(order.room);
  const category = job && store.directory.category(job.category);
  const payment = store.payments.get(refund.payment);
  if (!order || !room || !category || !payment) return null;
  return openTicket({
    id: input.nextTicketId(), at: input.at, actor: input.actor, room, category, kind: 'task', priority: 'high',
    titlePhrase: { code: 'ticket.refundUnsettled', params: { refund: refund.id, order: order.id, provider: payment.provider } },
    description: `Refund ${refund.id} of ${refund.amount} (minor units, ${refund.currency}) for order ${order.id} was asked of ${payment.provider} and is still not settled after ${checks} checks. Look it up at the provider and record the outcome.`,
    reporter: { kind: 'system', id: null, contact: null }, assignee: null, parent: null,
  });
}
