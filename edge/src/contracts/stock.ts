import { z } from 'zod';
import { CategoryId, IsoTime, RoomId, TicketId, Username } from './ids.ts';
import { MinorUnits } from './payments.ts';
import { idPatterns } from './vocabulary.ts';

/** A store room of consumables: where its stock is kept, who looks after it, where its low-stock tasks are filed. */
export const StockStoreId = z.string().regex(idPatterns.slug, 'a store id is lowercase letters, digits, - or _ (at most 48)');
export const StockItemId = z.string().regex(/^SI-[1-9][0-9]{0,8}$/, 'a stock item id looks like SI-12');

export const StockStore = z.object({
  id: StockStoreId,
  name: z.string().min(1).max(80),
  room: RoomId,
  /** Receives, issues and disposes of its stock, and gets its low-stock tasks. */
  owner: Username,
  /** The category its low-stock tasks are filed under (its team must include the owner). */
  category: CategoryId,
});
export type StockStore = z.infer<typeof StockStore>;
export const StockStoreBody = z.strictObject({ name: StockStore.shape.name, room: RoomId, owner: Username, category: CategoryId });
export const StockStoreParams = z.strictObject({ store: StockStoreId });

/** A count of units: whole and positive (a box, a metre, a litre, as the item's unit says). */
export const Quantity = z.number().int('a quantity is a whole number of the item\'s unit').positive('a quantity is at least 1').max(1_000_000);

export const StockItemFields = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** The unit it is counted in, as people write it: pcs, m, L, roll. */
  unit: z.string().trim().min(1).max(16),
  /** What one unit costs the site, in minor units. */
  cost: MinorUnits,
  /** Below this level the store's owner gets a task to restock. */
  minimum: z.number().int().nonnegative().max(1_000_000),
  /** Whether units used on a paid job are charged to the tenant with the order. */
  billable: z.boolean(),
});
export const NewStockItemBody = StockItemFields.extend({ store: StockStoreId });
export const StockItemPatch = StockItemFields.partial();

export const StockItem = z.object({
  id: StockItemId,
  store: StockStoreId,
  name: z.string(),
  unit: z.string(),
  cost: MinorUnits,
  minimum: z.number().int().nonnegative(),
  billable: z.boolean(),
  /** Units in the store now: always the sum of the ledger's movements, never below zero. */
  level: z.number().int().nonnegative(),
  /** The open low-stock task of the current dip, if any. */
  alert: TicketId.nullable(),
});
export type StockItem = z.infer<typeof StockItem>;
export const StockItemParams = z.strictObject({ item: StockItemId });

/**
 * What happened to stock: `received` into the store; `requested` ahead of a visit (申领, no stock
 * moves yet); `issued` from the store to the worker for a job; `used` on the job; `returned`
 * unused (归还) to the store; `disposed` (处置) of: from the store (damaged, expired), or the
 * units used on a job once it is paid for.
 */
export const MovementKind = z.enum(['received', 'requested', 'issued', 'used', 'returned', 'disposed']);
export type MovementKind = z.infer<typeof MovementKind>;
/** What one job did with one item so far: the sums of its movements by kind. */
export type JobTotals = Record<MovementKind, number>;

export const StockMovement = z.object({
  id: z.number().int().positive(),
  item: StockItemId,
  store: StockStoreId,
  kind: MovementKind,
  quantity: z.number().int().positive(),
  /** What the movement did to the store's level: received and returned add, issued and store disposals take away. */
  delta: z.number().int(),
  levelAfter: z.number().int().nonnegative(),
  ticket: TicketId.nullable(),
  worker: Username.nullable(),
  /** How the log names who recorded it (`user:eva`, `system`). */
  by: z.string(),
  at: IsoTime,
  /** The unit cost when it moved, in minor units. */
  cost: MinorUnits,
  note: z.string().nullable(),
});
export type StockMovement = z.infer<typeof StockMovement>;

export const StockNote = z.string().trim().min(1).max(200);
export const StoreMoveBody = z.strictObject({ quantity: Quantity, note: StockNote.optional() });
export const TicketMoveAction = z.enum(['request', 'issue', 'use', 'return']);
export type TicketMoveAction = z.infer<typeof TicketMoveAction>;
export const TicketMoveParams = z.strictObject({ id: TicketId, action: TicketMoveAction });
export const TicketMoveBody = z.strictObject({ item: StockItemId, quantity: Quantity, note: StockNote.optional() });

/** One item on one job: what was asked for, taken out, used, brought back and written off. */
export const JobConsumable = z.object({
  item: StockItemId,
  name: z.string(),
  unit: z.string(),
  cost: MinorUnits,
  billable: z.boolean(),
  requested: z.number().int().nonnegative(),
  issued: z.number().int().nonnegative(),
  used: z.number().int().nonnegative(),
  returned: z.number().int().nonnegative(),
  disposed: z.number().int().nonnegative(),
  /** Asked for and not yet issued: what to pick up before the visit. */
  toIssue: z.number().int().nonnegative(),
  /** Issued and neither used nor returned: what the worker carries now. */
  held: z.number().int().nonnegative(),
});
export type JobConsumable = z.infer<typeof JobConsumable>;

export const JobConsumables = z.object({
  ticket: TicketId,
  items: z.array(JobConsumable),
  /** What the used units cost the site, in minor units. */
  usedCost: z.number().int().nonnegative(),
});
export type JobConsumables = z.infer<typeof JobConsumables>;

export const StockItemView = StockItem.extend({
  /** Units issued to workers and neither used nor returned yet. */
  out: z.number().int().nonnegative(),
  /** Units asked for on jobs and not issued yet. */
  requested: z.number().int().nonnegative(),
});
export type StockItemView = z.infer<typeof StockItemView>;

export const StockOverview = z.object({ stores: z.array(StockStore), items: z.array(StockItemView) });
/** What a worker may ask for ahead of a visit: each item's name, unit, store and level, without costs. */
export const StockChoices = z.object({ items: z.array(StockItem.pick({ id: true, store: true, name: true, unit: true, level: true })) });
export type StockChoices = z.infer<typeof StockChoices>;
export type StockOverview = z.infer<typeof StockOverview>;

export const MovementsQuery = z.strictObject({
  store: StockStoreId.optional(),
  item: StockItemId.optional(),
  ticket: TicketId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const StockMovements = z.object({ movements: z.array(StockMovement) });

/** An open request: asked for on a job and not yet issued. */
export const StockRequest = z.object({
  ticket: TicketId, item: StockItemId, name: z.string(), unit: z.string(), store: StockStoreId,
  outstanding: z.number().int().positive(), worker: Username.nullable(), level: z.number().int().nonnegative(),
});
export const StockRequests = z.object({ requests: z.array(StockRequest) });
export type StockRequest = z.infer<typeof StockRequest>;

export const StockMoveResult = z.object({ item: StockItem, movement: StockMovement });
export type StockMoveResult = z.infer<typeof StockMoveResult>;
