import type { Order } from '../contracts/index.ts';
import type { CsvColumn } from '../exports/csv-document.ts';
import { decimalString } from './money.ts';

const money = (amount: number, o: Order) => decimalString(amount, o.currency);

/** One row per order: the record a property team keeps (工单订单记录). Amounts in the currency's major unit. */
export const orderColumns: readonly CsvColumn<Order>[] = [
  { header: 'number', value: (o) => o.number },
  { header: 'order', value: (o) => o.id },
  { header: 'ticket', value: (o) => o.ticket },
  { header: 'room', value: (o) => o.room },
  { header: 'service', value: (o) => o.serviceName },
  { header: 'content', value: (o) => o.lines.map((l) => `${l.label} × ${l.quantity}`).join('; ') },
  { header: 'visit', value: (o) => o.slot.start },
  { header: 'status', value: (o) => o.status },
  { header: 'payment_mode', value: (o) => o.paymentMode },
  { header: 'created_at', value: (o) => o.createdAt },
  { header: 'handled_at', value: (o) => o.startedAt },
  { header: 'finished_at', value: (o) => o.finishedAt },
  { header: 'closed_at', value: (o) => o.closedAt },
  { header: 'responsible', value: (o) => o.responsible },
  { header: 'result', value: (o) => o.cancelReason ?? (o.finishedAt ? 'done' : null) },
  { header: 'currency', value: (o) => o.currency },
  { header: 'charges', value: (o) => money(o.total, o) },
  { header: 'paid', value: (o) => money(o.paid, o) },
  { header: 'refunded', value: (o) => money(o.refunded, o) },
  { header: 'due', value: (o) => money(Math.max(0, o.total - o.paid), o) },
  { header: 'contact', value: (o) => [o.contact.name, o.contact.phone, o.contact.email, o.contact.company].filter(Boolean).join(', ') },
];
