import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody, SentWorkOrder, TicketParams, TicketWorkOrderBody, WorkOrder, WorkOrderBody, WorkOrderCommentBody, WorkOrderLinkParams, WorkOrderList,
  WorkOrderNoteBody, WorkOrderParams, WorkOrderQuery, WorkOrderReasonBody,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['work orders'];

/** The facility team's side of work orders: sending them, following them, verifying, rejecting, withdrawing. */
export const workOrderRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; links: PublicAddress }> = async (app, { store, commands, links }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const withUrls = (sent: { workOrder: WorkOrder; links: { contact: string; token: string }[] }) =>
    ({ workOrder: sent.workOrder, links: sent.links.map(({ contact, token }) => ({ contact, url: links.vendorUrl(token) })) });

  api.post('/api/tickets/:id/work-orders', {
    config: { right: 'send-work-order' },
    schema: { tags, params: TicketParams, body: TicketWorkOrderBody, response: { 201: SentWorkOrder, ...errors }, description: 'Sends a work order for the ticket to a vendor: the ticket\'s title, description and every attachment go with it. Answers with one link per vendor contact, shown this once.' },
  }, async (request, reply) => {
    const sent = await commands.handle(signedInActor(request), { ticket: request.params.id }, { type: 'create-work-order', ...request.body });
    return reply.code(201).send(withUrls(sent));
  });

  api.post('/api/work-orders', {
    config: { right: 'send-work-order' },
    schema: { tags, body: WorkOrderBody, response: { 201: SentWorkOrder, ...errors }, description: 'Sends a work order made on its own (no ticket behind it).' },
  }, async (request, reply) => {
    const sent = await commands.handle(signedInActor(request), { directory: true }, { type: 'create-work-order', ...request.body });
    return reply.code(201).send(withUrls(sent));
  });

  api.get('/api/work-orders', {
    config: { right: 'read-work-orders' },
    schema: { tags, querystring: WorkOrderQuery, response: { 200: WorkOrderList, ...errors }, description: 'Work orders, newest first, by status, vendor or ticket.' },
  }, async (request) => ({ workOrders: store.workOrders.list(request.query) }));

  api.get('/api/work-orders/:id', {
    config: { right: 'read-work-orders' },
    schema: { tags, params: WorkOrderParams, response: { 200: WorkOrder, ...errors }, description: 'One work order with its history, comments, files and report.' },
  }, async (request) => {
    const order = store.workOrders.get(request.params.id);
    if (!order) throw new NotFound('work order', request.params.id);
    return order;
  });

  api.get('/api/tickets/:id/work-orders', {
    config: { right: 'read-work-orders' },
    schema: { tags, params: TicketParams, response: { 200: WorkOrderList, ...errors }, description: 'The work orders sent for a ticket; one still open keeps the ticket from closing.' },
  }, async (request) => ({ workOrders: store.workOrders.list({ ticket: request.params.id }) }));

  const order = (id: string) => ({ workOrder: id });
  api.post('/api/work-orders/:id/verify', { config: { right: 'verify-work-order' }, schema: { tags, params: WorkOrderParams, body: WorkOrderNoteBody, response: { 200: WorkOrder, ...errors }, description: 'The team finds the reported work done: the order closes.' } },
    async (request) => commands.handle(signedInActor(request), order(request.params.id), { type: 'verify-work-order', ...request.body }));
  api.post('/api/work-orders/:id/reject', { config: { right: 'reject' }, schema: { tags, params: WorkOrderParams, body: WorkOrderReasonBody, response: { 200: WorkOrder, ...errors }, description: 'Sends reported-done work back to the vendor with a reason, by the rejection rules of the ticket\'s category.' } },
    async (request) => commands.handle(signedInActor(request), order(request.params.id), { type: 'reject-work-order', reason: request.body.reason }));
  api.post('/api/work-orders/:id/withdraw', { config: { right: 'withdraw-work-order' }, schema: { tags, params: WorkOrderParams, body: WorkOrderReasonBody, response: { 200: WorkOrder, ...errors }, description: 'Takes the order back from the vendor, at any time before the work is reported done.' } },
    async (request) => commands.handle(signedInActor(request), order(request.params.id), { type: 'withdraw-work-order', reason: request.body.reason }));
  api.post('/api/work-orders/:id/comment', { config: { right: 'comment-work-order' }, schema: { tags, params: WorkOrderParams, body: WorkOrderCommentBody, response: { 200: WorkOrder, ...errors }, description: 'A comment on the order, which the vendor reads.' } },
    async (request) => commands.handle(signedInActor(request), order(request.params.id), { type: 'comment-work-order', text: request.body.text }));

  api.post('/api/work-orders/:id/contacts/:contact/link', {
    config: { right: 'send-work-order' },
    schema: { tags, params: WorkOrderLinkParams, response: { 201: SentWorkOrder, ...errors }, description: 'A new link for one vendor contact; their earlier link stops working.' },
  }, async (request, reply) => {
    const sent = await commands.handle(signedInActor(request), order(request.params.id), { type: 'issue-work-order-link', contact: request.params.contact });
    return reply.code(201).send(withUrls(sent));
  });
  api.delete('/api/work-orders/:id/contacts/:contact/link', {
    config: { right: 'send-work-order' },
    schema: { tags, params: WorkOrderLinkParams, response: { 200: WorkOrder, ...errors }, description: 'Revokes the contact\'s link to the order.' },
  }, async (request) => commands.handle(signedInActor(request), order(request.params.id), { type: 'revoke-work-order-link', contact: request.params.contact }));
};
