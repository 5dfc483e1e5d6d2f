import type { JobTotals, MovementKind, StockItem, StockMovement } from '../contracts/index.ts';
import { Invalid, Refusal } from '../domain-error.ts';

export interface MoveInput {
  id: number;
  item: StockItem;
  kind: MovementKind;
  quantity: number;
  /** The job it is for; none for the store's own receipts and disposals. */
  ticket: string | null;
  /** The job's sums for this item before the movement (all zero when it has none). */
  totals: JobTotals;
  worker: string | null;
  by: string;
  at: string;
  note: string | null;
}

/** Units issued for a job and neither used nor returned: what the worker carries. */
export const heldOn = (t: JobTotals): number => t.issued - t.used - t.returned;
/** Units used on a job and not yet disposed of. */
export const usedOpen = (t: JobTotals): number => t.used - t.disposed;
/** Units asked for on a job and not yet issued. */
export const toIssue = (t: JobTotals): number => Math.max(0, t.requested - t.issued);

/** The kinds that belong to a job, and those only the store itself records. */
const jobKinds: readonly MovementKind[] = ['requested', 'issued', 'used', 'returned'];

/**
 * One line of the ledger, or the refusal: the store never goes below zero, a worker never
 * uses or returns more than they were issued for the job, and only used units are disposed of
 * from a job. `delta` is what the line does to the store's level.
 */
export function movement(input: MoveInput): StockMovement {
  const { item, kind, quantity, ticket, totals } = input;
  if (!Number.isInteger(quantity) || quantity < 1) throw new Invalid('INVALID', 'a quantity is a whole number of at least 1');
  if (jobKinds.includes(kind) && ticket === null) throw new Invalid('INVALID', `stock is ${kind} for a job: name the ticket`);
  if (kind === 'received' && ticket !== null) throw new Invalid('INVALID', 'stock is received into the store, not for a job');
  const delta = deltaOf(kind, quantity, ticket);
  if (item.level + delta < 0) {
    throw new Refusal('STOCK_TOO_LOW', `${item.name}: the store holds ${item.level} ${item.unit}, not ${quantity}`, { item: item.id, level: item.level, quantity });
  }
  if ((kind === 'used' || kind === 'returned') && quantity > heldOn(totals)) {
    throw new Refusal('MORE_THAN_HELD', `${item.name}: ${heldOn(totals)} ${item.unit} were issued for ${ticket} and not yet used or returned`, { item: item.id, held: heldOn(totals), quantity });
  }
  if (kind === 'disposed' && ticket !== null && quantity > usedOpen(totals)) {
    throw new Refusal('MORE_THAN_USED', `${item.name}: ${usedOpen(totals)} ${item.unit} used on ${ticket} are left to dispose of`, { item: item.id, used: usedOpen(totals), quantity });
  }
  return {
    id: input.id, item: item.id, store: item.store, kind, quantity, delta, levelAfter: item.level + delta,
    ticket, worker: input.worker, by: input.by, at: input.at, cost: item.cost, note: input.note,
  };
}

function deltaOf(kind: MovementKind, quantity: number, ticket: string | null): number {
  switch (kind) {
    case 'received': case 'returned': return quantity;
    case 'issued': return -quantity;
    // Disposing of a job's used units closes their account; the store's own disposal takes from the shelf.
    case 'disposed': return ticket === null ? -quantity : 0;
    case 'requested': case 'used': return 0;
  }
}

/** The item after a movement: its level, and its low-stock task closed for this dip once it is back at its minimum. */
export function afterMovement(item: StockItem, line: StockMovement): StockItem {
  const level = line.levelAfter;
  return { ...item, level, alert: level >= item.minimum ? null : item.alert };
}

/** Whether the item needs a low-stock task now: below its minimum, with none open for this dip. */
export const needsAlert = (item: StockItem): boolean => item.level < item.minimum && item.alert === null;
