import type { Payment, Refund } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** A notice already taken: the same one again changes nothing. */
export interface SeenNotice { provider: string; key: string; payment: string; outcome: 'taken' | 'flagged' }

/** The payments ledger: each payment's state, its refunds, and the provider notices taken. */
export class PaymentRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Payment | undefined {
    const row = this.#sql('SELECT doc FROM payments WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Payment) : undefined;
  }

  byTradeNo(tradeNo: string): Payment | undefined {
    const row = this.#sql('SELECT doc FROM payments WHERE trade_no = ?').get(tradeNo) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Payment) : undefined;
  }

  ofOrder(order: string): Payment[] {
    return (this.#sql('SELECT doc FROM payments WHERE order_ref = ? ORDER BY seq').all(order) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Payment);
  }

  /** The newest first, at most `limit`. */
  recent(limit: number): Payment[] {
    return (this.#sql('SELECT doc FROM payments ORDER BY seq DESC LIMIT ?').all(limit) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Payment);
  }

  /** The number the next payment gets. */
  nextNumber(): number {
    return ((this.#sql('SELECT MAX(seq) AS n FROM payments').get() as { n: number | null }).n ?? 0) + 1;
  }

  put(payment: Payment): void {
    this.#sql(`INSERT INTO payments (seq, id, order_ref, provider, trade_no, status, company, paid_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, paid_at = excluded.paid_at, doc = excluded.doc`)
      .run(Number(payment.id.slice(2)), payment.id, payment.order, payment.provider, payment.tradeNo, payment.status, payment.company, payment.paidAt, JSON.stringify(payment));
  }

  notice(provider: string, key: string): SeenNotice | undefined {
    return this.#sql('SELECT provider, key, payment, outcome FROM payment_notices WHERE provider = ? AND key = ?').get(provider, key) as SeenNotice | undefined;
  }

  putNotice(notice: SeenNotice, at: string): void {
    this.#sql('INSERT INTO payment_notices (provider, key, payment, outcome, at) VALUES (?, ?, ?, ?, ?)').run(notice.provider, notice.key, notice.payment, notice.outcome, at);
  }

  refund(id: string): Refund | undefined {
    const row = this.#sql('SELECT doc FROM refunds WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Refund) : undefined;
  }

  refunds(payment: string): Refund[] {
    return (this.#sql('SELECT doc FROM refunds WHERE payment = ? ORDER BY seq').all(payment) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Refund);
  }

  nextRefundNumber(): number {
    return ((this.#sql('SELECT MAX(seq) AS n FROM refunds').get() as { n: number | null }).n ?? 0) + 1;
  }

  putRefund(refund: Refund): void {
    const due = refund.status === 'requested' ? refund.nextCheckAt ?? null : null;
    this.#sql('INSERT INTO refunds (seq, id, payment, next_check, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET next_check = excluded.next_check, doc = excluded.doc')
      .run(Number(refund.id.slice(2)), refund.id, refund.payment, due, JSON.stringify(refund));
  }

  /** Refunds under way whose check at the provider is due by `now`, the longest due first. */
  dueRefundChecks(now: string, limit = 50): string[] {
    return (this.#sql('SELECT id FROM refunds WHERE next_check IS NOT NULL AND next_check <= ? ORDER BY next_check LIMIT ?').all(now, limit) as { id: string }[]).map((r) => r.id);
  }

  /** Refunds by how they stand (or one order's), newest first. */
  refundList(filter: { status?: string | undefined; order?: string | undefined }, limit = 500): Refund[] {
    return (this.#sql(`SELECT doc FROM refunds WHERE (@status IS NULL OR json_extract(doc, '$.status') = @status) AND (@order IS NULL OR json_extract(doc, '$.order') = @order) ORDER BY seq DESC LIMIT @limit`)
      .all({ status: filter.status ?? null, order: filter.order ?? null, limit }) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Refund);
  }

  /** A company's charges paid in a month (`2026-12`), oldest first: its statement's lines. */
  companyMonth(company: string, month: string): Payment[] {
    return (this.#sql("SELECT doc FROM payments WHERE provider = 'company' AND company = ? AND substr(paid_at, 1, 7) = ? ORDER BY paid_at, seq").all(company, month) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as Payment);
  }

  /** The companies charged in a month. */
  companiesIn(month: string): Payment[] {
    return (this.#sql("SELECT doc FROM payments WHERE provider = 'company' AND company IS NOT NULL AND substr(paid_at, 1, 7) = ? ORDER BY company, paid_at").all(month) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as Payment);
  }
}
