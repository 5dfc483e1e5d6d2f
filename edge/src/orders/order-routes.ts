import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CancelOrderBody, CustomItemBody, ErrorBody, Order, OrderBody, OrderFigures, OrderList, OrderParams, OrderPlaced, OrdersQuery, PayNow, QrQuery, RoomParams,
  SettleOrderBody, TicketParams, TrackParams,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import { CSV_TYPE as CSV, sendCsv } from '../exports/csv-document.ts';
import { occupantActor } from '../rights/actor.ts';
import { visibleTo } from '../rights/visibility.ts';
import { defaultReportLimits, type ReportLimits, reportRateLimits } from '../rooms/report-rate-limit.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reads } from '../tickets/site-reads.ts';
import { orderColumns } from './order-csv.ts';
import { figuresOf } from './order-figures.ts';
import type { OrderPayments } from './order-payments.ts';
import { instantId } from './slots.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 429: ErrorBody };
const tags = ['orders'];

export interface OrderRoutesOptions { store: SiteStore; commands: CommandHandler; payments: OrderPayments; clock: () => string; reportLimits?: ReportLimits }

/** Booking paid services from a room's QR page, following and cancelling through the tracking link, and the staff's order records. */
export const orderRoutes: FastifyPluginAsync<OrderRoutesOptions> = async (app, { store, commands, payments, clock, reportLimits = defaultReportLimits }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  await app.register(async (scoped) => {
    const limited = scoped.withTypeProvider<ZodTypeProvider>();
    const limitOrders = await reportRateLimits(scoped, reportLimits);
    limited.post('/api/rooms/:room/orders', {
      onRequest: limitOrders,
      schema: {
        tags: ['occupant'], params: RoomParams, querystring: QrQuery, body: OrderBody, response: { 201: OrderPlaced, ...errors },
        description: 'Books a paid service for the room: a slot (its start), a quantity for per-unit services, contact details. The gateway prices it (a price sent along is ignored). Answers the order, its ticket, the tracking token and, for a service paid at order, the payment to complete within 15 minutes.',
      },
    }, async (request, reply) => {
      const { service, slot, quantity, contact } = request.body;
      const placed = await commands.handle(occupantActor, { room: request.params.room, qr: request.query.k }, { type: 'place-order', service, slot, quantity, contact });
      const payment = placed.order.paymentMode === 'at-order' ? await payments.paymentFor(placed.order) : null;
      return reply.code(201).send({ ...placed, payment });
    });
  });

  api.get('/api/orders', {
    config: { right: 'read-orders' },
    schema: { tags, querystring: OrdersQuery, response: { 200: OrderList, ...errors }, description: 'Orders, newest first, by status, service, room and the time they were placed (`from` inclusive, `to` exclusive).' },
  }, async (request) => ({ orders: store.orders.list(window(request.query)) }));

  api.get('/api/orders.csv', {
    config: { right: 'read-orders' },
    schema: { tags, querystring: OrdersQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) }), produces: [CSV], response: { 200: z.string(), ...errors }, description: 'The order list as CSV: number, content, status, created/handled/finished times, responsible person, result, charges and payments.' },
  }, async (request, reply) => {
    const rows = store.orders.list(window(request.query));
    return sendCsv(reply, { site: store.site, what: 'orders', now: clock() }, orderColumns, rows);
  });

  api.get('/api/orders/figures', {
    config: { right: 'read-orders' },
    schema: { tags, querystring: OrdersQuery.pick({ from: true, to: true }), response: { 200: OrderFigures, ...errors }, description: 'Revenue (taken less refunds), unpaid amounts on billed work, consumables cost (in all, per service and per order), orders per service and per status, for orders placed in the window.' },
  }, async (request) => figuresOf(store, request.query.from, request.query.to));

  api.get('/api/orders/:id', {
    config: { right: 'read-orders' },
    schema: { tags, params: OrderParams, response: { 200: Order, ...errors } },
  }, async (request) => {
    const order = store.orders.get(request.params.id);
    if (!order) throw new NotFound('order', request.params.id);
    return order;
  });

  api.get('/api/tickets/:id/order', {
    config: { right: 'view' },
    schema: { tags, params: TicketParams, response: { 200: Order, ...errors }, description: 'The paid order behind a job, for those who see the job: what to do, its lines and what is paid.' },
  }, async (request) => {
    const ticket = store.tickets.get(request.params.id);
    const order = ticket && visibleTo(signedInActor(request), ticket) ? store.orders.byTicket(ticket.id) : undefined;
    if (!order) throw new NotFound('order', `for ticket ${request.params.id}`);
    return order;
  });

  api.post('/api/orders/:id/items', {
    config: { right: 'add-order-item' },
    schema: { tags, params: OrderParams, body: CustomItemBody, response: { 200: Order, ...errors }, description: 'Adds a custom service item with its price to the job, while it is ahead or under way; the tenant sees it before paying.' },
  }, async (request) => commands.handle(signedInActor(request), { order: request.params.id }, { type: 'add-order-item', ...request.body }));

  api.post('/api/orders/:id/cancel', {
    config: { right: 'cancel-order' },
    schema: { tags, params: OrderParams, body: CancelOrderBody, response: { 200: Order, ...errors }, description: 'Cancels an order before its work starts, and its job; what was paid goes back through the payment side.' },
  }, async (request) => commands.handle(signedInActor(request), { order: request.params.id }, { type: 'cancel-order', reason: request.body.reason }));

  api.post('/api/orders/:id/settle', {
    config: { right: 'settle-order' },
    schema: { tags, params: OrderParams, body: SettleOrderBody, response: { 200: Order, ...errors }, description: 'Records money taken for the order, or given back (cash at the desk; a provider\'s confirmation). A booking awaiting payment is paid in full or not at all.' },
  }, async (request) => commands.handle(signedInActor(request), { order: request.params.id }, { type: 'settle-order', ...request.body }));

  api.get('/api/track/:token/order', {
    schema: { tags: ['occupant'], params: TrackParams, response: { 200: Order, ...errors }, description: 'The order behind a tracking link: its lines (with items added on the job), total, what is paid and due, and its status.' },
  }, async (request) => {
    const { ticket } = reads.tracked(store, request.params.token);
    const order = store.orders.byTicket(ticket.id);
    if (!order) throw new NotFound('order', 'for this link');
    return order;
  });

  api.post('/api/track/:token/order/pay', {
    schema: { tags: ['occupant'], params: TrackParams, response: { 200: PayNow, ...errors }, description: 'Pay now: a payment for what is due on an order left unpaid (a booking while its place is held, work billed once done), through the site\'s provider; answers where to pay, built on the public address. A payment already waiting for the same amount is answered again. 409 ORDER_ALREADY_PAID when nothing is due, ORDER_STATE once the order is closed or its hold is over.' },
  }, async (request) => payments.payNow(occupantActor, { track: request.params.token }));

  api.post('/api/track/:token/order/cancel', {
    schema: { tags: ['occupant'], params: TrackParams, body: CancelOrderBody, response: { 200: Order, ...errors }, description: 'The occupant cancels their order before the visit; what was paid goes back.' },
  }, async (request) => commands.handle(occupantActor, { track: request.params.token }, { type: 'cancel-order', reason: request.body.reason }));
};

/** The list's filters with the window's ends written as the store writes times. */
function window<Q extends { from?: string | undefined; to?: string | undefined }>(query: Q): Q {
  return { ...query, ...(query.from ? { from: new Date(instantId(query.from)).toISOString() } : {}), ...(query.to ? { to: new Date(instantId(query.to)).toISOString() } : {}) };
}
