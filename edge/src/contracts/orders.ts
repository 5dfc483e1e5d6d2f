import { z } from 'zod';
import { IsoTime, RoomId, TicketId, Token, Username } from './ids.ts';
import { CurrencyCode as Currency } from './payments.ts';
import { Minor, PaymentMode, ServiceId } from './services.ts';

export const OrderId = z.string().regex(/^O-\d{1,9}$/, 'an order id looks like O-1001');
export type OrderId = z.infer<typeof OrderId>;

/**
 * Where an order stands. Pay at order: `awaiting-payment` (its slot held for 15 minutes) →
 * `confirmed` once paid, or `expired`. After service and company: `confirmed` at once. Then
 * `in-progress` and `done` with its ticket; a done order with nothing left to pay is `paid`,
 * otherwise `billed` until it is. `cancelled` at any point before the work is done.
 */
export const OrderStatus = z.enum(['awaiting-payment', 'confirmed', 'in-progress', 'done', 'billed', 'paid', 'cancelled', 'expired']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/**
 * One priced line. `service`: the service booked; `custom`: an item staff added on the job
 * (自定义服务项); `consumable`: material used, at cost plus the service's markup.
 */
export const OrderLine = z.object({
  kind: z.enum(['service', 'custom', 'consumable']),
  label: z.string(),
  quantity: z.number().int().min(0),
  unitPrice: Minor,
  amount: Minor,
  /** When and by whom a line was added after the booking. */
  addedAt: IsoTime.optional(),
  addedBy: z.string().optional(),
  /** What a consumable line stands for in the stock ledger. */
  ref: z.string().max(80).optional(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderContact = z.strictObject({
  name: z.string().trim().min(1).max(80),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,24}$/, 'a phone number is digits, spaces, +, ( ) and -').optional(),
  email: z.email().max(200).optional(),
  /** The company that pays, for orders charged to it. */
  company: z.string().trim().min(1).max(120).optional(),
}).refine((c) => c.phone !== undefined || c.email !== undefined, { message: 'leave a phone number or an e-mail address', path: ['phone'] });
export type OrderContact = z.infer<typeof OrderContact>;

export const Order = z.object({
  id: OrderId,
  /** The order's number as people read it. */
  number: z.number().int().positive(),
  room: RoomId,
  service: ServiceId,
  serviceName: z.string(),
  slot: z.object({ start: IsoTime, end: IsoTime }),
  quantity: z.number().int().positive(),
  contact: OrderContact,
  status: OrderStatus,
  lines: z.array(OrderLine),
  /** The sum of the lines. */
  total: Minor,
  /** Taken so far (payments less refunds). */
  paid: Minor,
  refunded: Minor,
  currency: Currency,
  paymentMode: PaymentMode,
  ticket: TicketId,
  /** Pay at order: when the held place is given up if not paid. */
  holdUntil: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Work started on the ticket; finished; the order closed by cancelling or expiry. */
  startedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
  closedAt: IsoTime.nullable(),
  /** Who held the ticket when the work was done. */
  responsible: Username.nullable(),
  cancelReason: z.string().nullable(),
});
export type Order = z.infer<typeof Order>;

/** What is still to pay on an order: never below zero. */
export const amountDue = (order: Pick<Order, 'total' | 'paid'>) => Math.max(0, order.total - order.paid);

const OrderFields = {
  service: ServiceId,
  slot: IsoTime,
  quantity: z.number().int('a quantity is a whole number').min(1, 'a quantity is at least 1').max(1000).default(1),
  contact: OrderContact,
};
/** What a booking is: the service, the slot's start, a quantity, contact details. */
export const OrderRequest = z.strictObject(OrderFields);
export type OrderBody = z.infer<typeof OrderRequest>;
const ignored = z.unknown().optional().describe('ignored: the gateway prices every order from its catalogue');
/** A booking as the room's QR page sends it. Price fields a client sends along are taken and not read. */
export const OrderBody = z.strictObject({ ...OrderFields, price: ignored, total: ignored, amount: ignored, unitPrice: ignored, lines: ignored, currency: ignored });

/** What the occupant must do to pay, when the service is paid at order: filled in by the payment side. */
export const PaymentToComplete = z.object({
  order: OrderId,
  amount: Minor,
  currency: Currency,
  /** Where to pay, built on the gateway's public address; null until a provider is set up. */
  url: z.string().nullable(),
  holdUntil: IsoTime,
});
export type PaymentToComplete = z.infer<typeof PaymentToComplete>;

/** "Pay now" on an order left unpaid: the amount due, where to pay it, and (a booking) until when its place is held. */
export const PayNow = z.object({
  order: OrderId,
  amount: Minor,
  currency: Currency,
  /** The provider's page, built on the gateway's public address (or the provider's own code, WeChat Pay and Alipay). */
  url: z.string().nullable(),
  holdUntil: IsoTime.nullable(),
});
export type PayNow = z.infer<typeof PayNow>;

export const OrderPlaced = z.object({
  order: Order,
  ticket: z.object({ id: TicketId }),
  /** The link the occupant follows the job and the order with. */
  trackToken: Token,
  payment: PaymentToComplete.nullable(),
});
export type OrderPlaced = z.infer<typeof OrderPlaced>;

export const OrderParams = z.strictObject({ id: OrderId });
export const CustomItemBody = z.strictObject({
  label: z.string().trim().min(1).max(80),
  quantity: z.number().int('a quantity is a whole number').min(1).max(1000).default(1),
  unitPrice: Minor,
});
export const CancelOrderBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });

/** What the payment side reports: money taken for an order, or given back. Amounts in minor units. */
export const SettleOrderBody = z.strictObject({
  kind: z.enum(['paid', 'refunded']),
  amount: Minor.refine((a) => a > 0, 'an amount is above zero'),
  /** The payment's id with its provider, kept on the order's event. */
  reference: z.string().min(1).max(120),
});

export const OrdersQuery = z.strictObject({
  status: OrderStatus.optional(),
  service: ServiceId.optional(),
  room: RoomId.optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const OrderList = z.object({ orders: z.array(Order) });

export const OrderFigures = z.object({
  currency: Currency,
  from: IsoTime.nullable(),
  to: IsoTime.nullable(),
  orders: z.number().int(),
  /** Taken, less refunds. */
  revenue: z.number().int(),
  /** Done or billed but not paid in full. */
  unpaid: z.number().int(),
  /** What the consumables used on the orders' jobs cost (units used × their cost when used). */
  consumablesCost: z.number().int(),
  byService: z.array(z.object({ service: ServiceId, name: z.string(), orders: z.number().int(), revenue: z.number().int(), consumablesCost: z.number().int() })),
  byStatus: z.record(z.string(), z.number().int()),
  /** Each order whose job used consumables: their cost and how many units. */
  consumablesByOrder: z.array(z.object({ order: OrderId, service: ServiceId, cost: z.number().int(), units: z.number().int() })),
});
export type OrderFigures = z.infer<typeof OrderFigures>;
