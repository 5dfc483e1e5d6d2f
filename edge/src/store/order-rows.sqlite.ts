import type { Order, OrderStatus } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** An order gives up its slot's place once cancelled or expired. */
const releases = (status: OrderStatus) => status === 'cancelled' || status === 'expired';

export interface OrderFilter { status?: string; service?: string; room?: string; from?: string; to?: string; limit?: number }

/** Orders of paid services: one row each, with the columns the slot check, the hold expiry and the lists read. */
export class OrderRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Order | undefined {
    const row = this.#sql('SELECT doc FROM orders WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Order) : undefined;
  }

  byTicket(ticket: string): Order | undefined {
    const row = this.#sql('SELECT doc FROM orders WHERE ticket = ?').get(ticket) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Order) : undefined;
  }

  /** How many bookings hold a place in the slot: read inside the booking's transaction, so none can overbook. */
  booked(service: string, slotStart: string): number {
    return (this.#sql('SELECT count(*) AS n FROM orders WHERE service = ? AND slot_start = ? AND holds_place = 1').get(service, slotStart) as { n: number }).n;
  }

  /** Places booked per slot start in a window, for the slot list. */
  bookedBetween(service: string, from: string, to: string): Map<string, number> {
    const rows = this.#sql(`SELECT slot_start AS start, count(*) AS n FROM orders
      WHERE service = ? AND holds_place = 1 AND slot_start >= ? AND slot_start < ? GROUP BY slot_start`).all(service, from, to) as { start: string; n: number }[];
    return new Map(rows.map((r) => [r.start, r.n]));
  }

  /** Unpaid bookings whose held place is due to be given up at `now`. */
  dueHolds(now: string, limit = 100): string[] {
    return (this.#sql("SELECT id FROM orders WHERE hold_until IS NOT NULL AND hold_until <= ? AND status = 'awaiting-payment' ORDER BY hold_until LIMIT ?")
      .all(now, limit) as { id: string }[]).map((r) => r.id);
  }

  nextNumber(): number {
    return (this.#sql('SELECT coalesce(max(number), 1000) + 1 AS n FROM orders').get() as { n: number }).n;
  }

  put(order: Order): void {
    this.#sql(`INSERT INTO orders (id, number, service, slot_start, room, ticket, status, holds_place, hold_until, created_at, doc)
      VALUES (@id, @number, @service, @slot, @room, @ticket, @status, @holds, @holdUntil, @createdAt, @doc)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, holds_place = excluded.holds_place, hold_until = excluded.hold_until, doc = excluded.doc`)
      .run({
        id: order.id, number: order.number, service: order.service, slot: order.slot.start, room: order.room, ticket: order.ticket,
        status: order.status, holds: releases(order.status) ? 0 : 1, holdUntil: order.holdUntil, createdAt: order.createdAt, doc: JSON.stringify(order),
      });
  }

  /** Orders by filter, newest first. `from`/`to` bound the time it was placed. */
  list(filter: OrderFilter = {}): Order[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, value: string | undefined) => { if (value !== undefined) { where.push(sql); args.push(value); } };
    add('status = ?', filter.status);
    add('service = ?', filter.service);
    add('room = ?', filter.room);
    add('created_at >= ?', filter.from);
    add('created_at < ?', filter.to);
    const sql = `SELECT doc FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY number DESC LIMIT ?`;
    return (this.#sql(sql).all(...args, filter.limit ?? 200) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Order);
  }

  /** Money and counts over the orders placed in a window: taken (less refunds), unpaid on billed work, per service and status. */
  figures(from: string | undefined, to: string | undefined): { byService: { service: string; orders: number; revenue: number; unpaid: number }[]; byStatus: Record<string, number> } {
    const where = 'WHERE created_at >= ? AND created_at < ?';
    const args = [from ?? '', to ?? '9999'];
    const byService = this.#sql(`SELECT service, count(*) AS orders, sum(json_extract(doc, '$.paid')) AS revenue,
      sum(CASE WHEN status = 'billed' THEN json_extract(doc, '$.total') - json_extract(doc, '$.paid') ELSE 0 END) AS unpaid
      FROM orders ${where} GROUP BY service ORDER BY service`).all(...args) as { service: string; orders: number; revenue: number; unpaid: number }[];
    const statuses = this.#sql(`SELECT status, count(*) AS n FROM orders ${where} GROUP BY status`).all(...args) as { status: string; n: number }[];
    return { byService, byStatus: Object.fromEntries(statuses.map((r) => [r.status, r.n])) };
  }

  /** The money of the orders placed in a window: kept (paid less refunds), refunded, and owed on billed work. */
  money(from: string, to: string): { amount: number; refunded: number; unpaid: number } {
    const row = this.#sql(`SELECT coalesce(sum(json_extract(doc, '$.paid')), 0) AS amount, coalesce(sum(json_extract(doc, '$.refunded')), 0) AS refunded,
      coalesce(sum(CASE WHEN status = 'billed' THEN json_extract(doc, '$.total') - json_extract(doc, '$.paid') ELSE 0 END), 0) AS unpaid
      FROM orders WHERE created_at >= ? AND created_at < ?`).get(from, to) as { amount: number; refunded: number; unpaid: number };
    return row;
  }

  /** What the consumables used on each order's job cost the store (units used × their cost when used), for orders placed in the window. */
  consumablesCost(from: string | undefined, to: string | undefined): { order: string; service: string; cost: number; units: number }[] {
    return this.#sql(`SELECT o.id AS "order", o.service AS service, sum(m.quantity * m.cost) AS cost, sum(m.quantity) AS units
      FROM orders o JOIN stock_movements m ON m.ticket = o.ticket AND m.kind = 'used'
      WHERE o.created_at >= ? AND o.created_at < ? GROUP BY o.id ORDER BY o.id`).all(from ?? '', to ?? '9999') as { order: string; service: string; cost: number; units: number }[];
  }
}
