import type { Payment, Statement } from '../contracts/index.ts';

/** One company's month: each charge with what was refunded of it, and what is owed in all. */
export function statementOf(company: string, month: string, payments: readonly Payment[]): Statement {
  const lines = payments.map((p) => ({ payment: p.id, order: p.order, at: p.paidAt ?? p.createdAt, amount: p.amount, refunded: p.refunded }));
  return {
    company, month, currency: payments[0]?.currency ?? null, lines,
    total: lines.reduce((sum, line) => sum + line.amount - line.refunded, 0),
  };
}

/** The companies charged in a month, with how many charges and their total. */
export function companiesOf(payments: readonly Payment[]): { company: string; count: number; total: number; currency: string }[] {
  const byCompany = new Map<string, { company: string; count: number; total: number; currency: string }>();
  for (const p of payments) {
    const entry = byCompany.get(p.company!) ?? { company: p.company!, count: 0, total: 0, currency: p.currency };
    entry.count += 1;
    entry.total += p.amount - p.refunded;
    byCompany.set(p.company!, entry);
  }
  return [...byCompany.values()];
}
