import type { Order, OrderLine, Service } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import { lineAmount, sum, withMarkup } from './money.ts';

/**
 * The booked service's line, priced by the server from the catalogue: a fixed price once per
 * visit; a price per unit times the quantity; a call-out fee (consumables come later, as used).
 */
export function serviceLine(service: Service, quantity: number): OrderLine {
  const { price } = service;
  if (price.kind !== 'per-unit' && quantity !== 1) {
    throw new Invalid('QUANTITY_NOT_ALLOWED', `${service.name} is booked once per visit`, { max: 1 });
  }
  if (price.kind === 'per-unit' && quantity > price.maxQuantity) {
    throw new Invalid('QUANTITY_NOT_ALLOWED', `${service.name} takes at most ${price.maxQuantity} ${price.unit}`, { max: price.maxQuantity });
  }
  const unitPrice = price.kind === 'fixed' ? price.amount : price.kind === 'per-unit' ? price.unitPrice : price.callOut;
  return { kind: 'service', label: service.name, quantity, unitPrice, amount: lineAmount(unitPrice, quantity) };
}

/** An item staff add on the job, at the price they give. */
export function customLine(label: string, quantity: number, unitPrice: number, at: string, by: string): OrderLine {
  return { kind: 'custom', label, quantity, unitPrice, amount: lineAmount(unitPrice, quantity), addedAt: at, addedBy: by };
}

/** A consumable used on the job: its cost plus the service's markup (none unless the service says so). */
export function consumableLine(service: Service, item: { label: string; quantity: number; unitCost: number; ref: string }, at: string, by: string): OrderLine {
  const markup = service.price.kind === 'consumables' ? service.price.markupBasisPoints : 0;
  const unitPrice = withMarkup(item.unitCost, markup);
  return { kind: 'consumable', label: item.label, quantity: item.quantity, unitPrice, amount: lineAmount(unitPrice, item.quantity), addedAt: at, addedBy: by, ref: item.ref };
}

/** The order with its lines and total, as one change. */
export function withLines(order: Order, lines: OrderLine[]): Order {
  return { ...order, lines, total: sum(lines.map((l) => l.amount)) };
}
