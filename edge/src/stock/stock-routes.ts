import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody, JobConsumables, MovementsQuery, NewStockItemBody, StockItem, StockItemParams, StockItemPatch, StockMovements, StockMoveResult,
  StockChoices, StockOverview, StockRequests, StockStore, StockStoreBody, StockStoreId, StockStoreParams, StoreMoveBody, TicketMoveBody, TicketParams,
  type MovementKind,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import type { Right } from '../rights/rights.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { jobConsumables } from './job-consumables.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['stock'];
const StoreQuery = z.strictObject({ store: StockStoreId.optional() });

/** The job's side of the ledger: ask for stock ahead of the visit, take it out, record what was used, bring the rest back. */
const jobMoves: { action: string; kind: MovementKind; right: Right; description: string }[] = [
  { action: 'request', kind: 'requested', right: 'request-stock', description: 'Asks for units ahead of the visit (申领); nothing leaves the store until they are issued.' },
  { action: 'issue', kind: 'issued', right: 'issue-stock', description: 'Hands units from the store to the job\'s worker; refused (409 STOCK_TOO_LOW) when the store holds fewer.' },
  { action: 'use', kind: 'used', right: 'use-stock', description: 'Records units used on the job, out of those issued for it (409 MORE_THAN_HELD beyond that).' },
  { action: 'return', kind: 'returned', right: 'return-stock', description: 'Brings unused units back to the store (归还); never more than were issued for the job and not used (409 MORE_THAN_HELD).' },
];

/** Consumables: stores and items, the ledger, and each job's consumables. Every change is one command. */
export const stockRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/stock', { config: { right: 'view-stock' }, schema: { tags, querystring: StoreQuery, response: { 200: StockOverview, ...errors }, description: 'The stores and their items: level, minimum, units out with workers, units asked for and not issued.' } }, async (request) => {
    return { stores: store.stock.stores(), items: store.stock.itemViews(request.query.store) };
  });

  api.get('/api/stock/choices', { config: { right: 'request-stock' }, schema: { tags, querystring: StoreQuery, response: { 200: StockChoices, ...errors }, description: 'The items a worker may ask for ahead of a visit, with their unit, store and level; no costs.' } }, async (request) => {
    return { items: store.stock.itemViews(request.query.store).map(({ id, store: from, name, unit, level }) => ({ id, store: from, name, unit, level })) };
  });

  api.put('/api/stock/stores/:store', { config: { right: 'manage-stock' }, schema: { tags, params: StockStoreParams, body: StockStoreBody, response: { 200: StockStore, ...errors }, description: 'Defines or changes a store: its room, its owner (who gets its low-stock tasks) and the category those tasks are filed under.' } }, async (request) => {
    return commands.handle(signedInActor(request), { stockStore: request.params.store }, { type: 'define-stock-store', store: request.body });
  });

  api.post('/api/stock/items', { config: { right: 'manage-stock' }, schema: { tags, body: NewStockItemBody, response: { 201: StockItem, ...errors }, description: 'Adds an item to a store, at level 0: stock comes in as a receipt. Cost in the currency\'s minor units.' } }, async (request, reply) => {
    reply.code(201);
    return commands.handle(signedInActor(request), { stock: true }, { type: 'define-stock-item', item: request.body });
  });

  api.patch('/api/stock/items/:item', { config: { right: 'manage-stock' }, schema: { tags, params: StockItemParams, body: StockItemPatch, response: { 200: StockItem, ...errors }, description: 'Changes an item\'s name, unit, cost, minimum or whether it is charged on paid jobs. Its level moves only with the ledger.' } }, async (request) => {
    return commands.handle(signedInActor(request), { stockItem: request.params.item }, { type: 'update-stock-item', changes: request.body });
  });

  for (const [action, kind, right, description] of [
    ['receive', 'received', 'receive-stock', 'Takes units into the store.'],
    ['dispose', 'disposed', 'dispose-stock', 'Writes units off from the store (damaged, expired, 处置); refused (409 STOCK_TOO_LOW) when it holds fewer.'],
  ] as const) {
    api.post(`/api/stock/items/:item/${action}`, { config: { right }, schema: { tags, params: StockItemParams, body: StoreMoveBody, response: { 200: StockMoveResult, ...errors }, description } }, async (request) => {
      return commands.handle(signedInActor(request), { stockItem: request.params.item }, { type: 'move-stock', kind, quantity: request.body.quantity, ...(request.body.note ? { note: request.body.note } : {}) });
    });
  }

  api.get('/api/stock/movements', { config: { right: 'view-stock' }, schema: { tags, querystring: MovementsQuery, response: { 200: StockMovements, ...errors }, description: 'The stock ledger, newest first, by store, item or job.' } }, async (request) => {
    return { movements: store.stock.movements(request.query) };
  });

  api.get('/api/stock/requests', { config: { right: 'view-stock' }, schema: { tags, querystring: StoreQuery, response: { 200: StockRequests, ...errors }, description: 'Units asked for on open jobs and not issued yet, oldest first: what the store has to hand out.' } }, async (request) => {
    return { requests: store.stock.openRequests(request.query.store) };
  });

  api.get('/api/tickets/:id/consumables', { config: { right: 'view' }, schema: { tags, params: TicketParams, response: { 200: JobConsumables, ...errors }, description: 'What the job asked for, was issued, used, returned and disposed of, per item: what to bring, what is held, and what the used units cost.' } }, async (request) => {
    const ticket = store.tickets.get(request.params.id);
    if (!ticket || !visibleTo(signedInActor(request), ticket)) throw new NotFound('ticket', request.params.id);
    return jobConsumables(store, ticket.id);
  });

  for (const move of jobMoves) {
    api.post(`/api/tickets/:id/consumables/${move.action}`, { config: { right: move.right }, schema: { tags, params: TicketParams, body: TicketMoveBody, response: { 200: StockMoveResult, ...errors }, description: move.description } }, async (request) => {
      const { item, quantity, note } = request.body;
      return commands.handle(signedInActor(request), { stockItem: item }, { type: 'move-stock', kind: move.kind, quantity, ticket: request.params.id, ...(note ? { note } : {}) });
    });
  }
};
