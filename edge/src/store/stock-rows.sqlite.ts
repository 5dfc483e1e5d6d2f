import type { JobTotals, MovementKind, StockItem, StockItemView, StockMovement, StockRequest, StockStore } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

interface ItemRow { id: string; store: string; name: string; unit: string; cost: number; minimum: number; billable: number; level: number; alert: string | null }
interface MovementRow {
  id: number; item: string; store: string; kind: MovementKind; quantity: number; delta: number; level_after: number;
  ticket: string | null; worker: string | null; by: string; at: string; cost: number; note: string | null;
}

const itemOf = (r: ItemRow): StockItem => ({ ...r, billable: r.billable === 1 });
const movementOf = (r: MovementRow): StockMovement => ({
  id: r.id, item: r.item, store: r.store, kind: r.kind, quantity: r.quantity, delta: r.delta, levelAfter: r.level_after,
  ticket: r.ticket, worker: r.worker, by: r.by, at: r.at, cost: r.cost, note: r.note,
});
const emptyTotals = (): JobTotals => ({ received: 0, requested: 0, issued: 0, used: 0, returned: 0, disposed: 0 });

const MOVEMENT_COLUMNS = 'm.id, m.item, i.store, m.kind, m.quantity, m.delta, m.level_after, m.ticket, m.worker, m.by, m.at, m.cost, m.note';

/** Stores, their items and the stock ledger. An item's level moves only with a ledger line (see the schema's triggers). */
export class StockRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  store(id: string): StockStore | undefined {
    return this.#sql('SELECT id, name, room, owner, category FROM stock_stores WHERE id = ?').get(id) as StockStore | undefined;
  }

  stores(): StockStore[] {
    return this.#sql('SELECT id, name, room, owner, category FROM stock_stores ORDER BY name, id').all() as StockStore[];
  }

  putStore(s: StockStore): void {
    this.#sql(`INSERT INTO stock_stores (id, name, room, owner, category) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, room = excluded.room, owner = excluded.owner, category = excluded.category`)
      .run(s.id, s.name, s.room, s.owner, s.category);
  }

  item(id: string): StockItem | undefined {
    const row = this.#sql('SELECT * FROM stock_items WHERE id = ?').get(id) as ItemRow | undefined;
    return row ? itemOf(row) : undefined;
  }

  /** The next free item number. Read inside the command's transaction, so two new items never share one. */
  nextItemId(): string {
    const row = this.#sql("SELECT coalesce(max(CAST(substr(id, 4) AS INTEGER)), 0) + 1 AS n FROM stock_items").get() as { n: number };
    return `SI-${row.n}`;
  }

  /** Everything but the level, which only the ledger moves; a new item starts at zero. */
  putItem(item: StockItem): void {
    this.#sql(`INSERT INTO stock_items (id, store, name, unit, cost, minimum, billable, level, alert) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
      ON CONFLICT (id) DO UPDATE SET store = excluded.store, name = excluded.name, unit = excluded.unit, cost = excluded.cost,
        minimum = excluded.minimum, billable = excluded.billable, alert = excluded.alert`)
      .run(item.id, item.store, item.name, item.unit, item.cost, item.minimum, item.billable ? 1 : 0, item.alert);
  }

  nextMovementId(): number {
    return (this.#sql('SELECT coalesce(max(id), 0) + 1 AS n FROM stock_movements').get() as { n: number }).n;
  }

  /** Appends a ledger line; the schema refuses one that does not start from the item's level, and moves the level. */
  appendMovement(m: StockMovement, eventSeq: number | null): void {
    this.#sql(`INSERT INTO stock_movements (id, item, kind, quantity, delta, level_after, ticket, worker, by, at, cost, note, event_seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(m.id, m.item, m.kind, m.quantity, m.delta, m.levelAfter, m.ticket, m.worker, m.by, m.at, m.cost, m.note, eventSeq);
  }

  /** One job's movements of one item, summed by kind. */
  jobTotals(ticket: string, item: string): JobTotals {
    const rows = this.#sql('SELECT kind, sum(quantity) AS q FROM stock_movements WHERE ticket = ? AND item = ? GROUP BY kind').all(ticket, item) as { kind: MovementKind; q: number }[];
    const totals = emptyTotals();
    for (const r of rows) totals[r.kind] = r.q;
    return totals;
  }

  /** Every item a job touched, with its sums by kind, in the order first touched. */
  jobItems(ticket: string): { item: StockItem; totals: JobTotals }[] {
    const rows = this.#sql(`SELECT item, kind, sum(quantity) AS q, min(id) AS first FROM stock_movements WHERE ticket = ?
      GROUP BY item, kind ORDER BY item`).all(ticket) as { item: string; kind: MovementKind; q: number; first: number }[];
    const byItem = new Map<string, { totals: JobTotals; first: number }>();
    for (const r of rows) {
      const entry = byItem.get(r.item) ?? { totals: emptyTotals(), first: r.first };
      entry.totals[r.kind] = r.q;
      entry.first = Math.min(entry.first, r.first);
      byItem.set(r.item, entry);
    }
    return [...byItem.entries()].sort((a, b) => a[1].first - b[1].first).map(([id, e]) => ({ item: this.item(id)!, totals: e.totals }));
  }

  /** Items with how many units are out with workers and how many are asked for and not issued. */
  itemViews(store?: string): StockItemView[] {
    const rows = this.#sql(`SELECT i.*,
        coalesce((SELECT sum(CASE m.kind WHEN 'issued' THEN m.quantity WHEN 'used' THEN -m.quantity WHEN 'returned' THEN -m.quantity ELSE 0 END)
          FROM stock_movements m WHERE m.item = i.id AND m.ticket IS NOT NULL), 0) AS out
      FROM stock_items i WHERE (@store IS NULL OR i.store = @store) ORDER BY i.store, i.name, i.id`).all({ store: store ?? null }) as (ItemRow & { out: number })[];
    const requested = new Map<string, number>();
    for (const r of this.openRequests(store)) requested.set(r.item, (requested.get(r.item) ?? 0) + r.outstanding);
    return rows.map((r) => ({ ...itemOf(r), out: Math.max(0, r.out), requested: requested.get(r.id) ?? 0 }));
  }

  /** Units asked for on jobs and not issued yet, per job and item, oldest request first. */
  openRequests(store?: string): StockRequest[] {
    return this.#sql(`SELECT m.ticket, m.item, i.name, i.unit, i.store, i.level,
        sum(CASE m.kind WHEN 'requested' THEN m.quantity WHEN 'issued' THEN -m.quantity ELSE 0 END) AS outstanding,
        t.assignee AS worker, min(m.id) AS first
      FROM stock_movements m JOIN stock_items i ON i.id = m.item JOIN ticket_rows t ON t.id = m.ticket
      WHERE m.ticket IS NOT NULL AND m.kind IN ('requested', 'issued') AND t.is_open = 1 AND (@store IS NULL OR i.store = @store)
      GROUP BY m.ticket, m.item HAVING outstanding > 0 ORDER BY first`).all({ store: store ?? null })
      .map((r) => {
        const { first: _first, ...request } = r as StockRequest & { first: number };
        return request;
      });
  }

  movements(query: { store?: string | undefined; item?: string | undefined; ticket?: string | undefined; limit: number }): StockMovement[] {
    const rows = this.#sql(`SELECT ${MOVEMENT_COLUMNS} FROM stock_movements m JOIN stock_items i ON i.id = m.item
      WHERE (@store IS NULL OR i.store = @store) AND (@item IS NULL OR m.item = @item) AND (@ticket IS NULL OR m.ticket = @ticket)
      ORDER BY m.id DESC LIMIT @limit`).all({ store: query.store ?? null, item: query.item ?? null, ticket: query.ticket ?? null, limit: query.limit }) as MovementRow[];
    return rows.map(movementOf);
  }

  /** The sum of an item's ledger deltas: what its level must equal. */
  ledgerSum(item: string): number {
    return (this.#sql('SELECT coalesce(sum(delta), 0) AS s FROM stock_movements WHERE item = ?').get(item) as { s: number }).s;
  }

  /** Items stocked before that are below their minimum with no task open for this dip. */
  dipsWithoutAlert(): string[] {
    return (this.#sql(`SELECT id FROM stock_items i WHERE level < minimum AND alert IS NULL
      AND EXISTS (SELECT 1 FROM stock_movements m WHERE m.item = i.id) ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  }
}
