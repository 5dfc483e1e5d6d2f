import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChildBody, ChildrenView, CreateInquiryBody, InquiryCreated, ErrorBody, LinkBody, ReplyBody, Ticket, TicketParams } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { signedInActor } from '../auth/sign-in.ts';
import { NotFound } from '../domain-error.ts';
import { ticketFor, visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { childrenView } from './children-view.ts';
import type { PublicAddress } from '../http/public-address.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['inquiries'];

/** Inquiries taken by hand, links to the directory, replies to the reporter and child tasks. */
export const inquiryRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; links: PublicAddress }> = async (app, { store, commands, links }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/inquiries', { config: { right: 'create' }, schema: { tags, body: CreateInquiryBody, response: { 201: InquiryCreated, ...errors }, description: 'An inquiry staff take by hand (a phone call): the reporter is a person in the directory or a new contact.' } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { room, ...body } = request.body;
    const { ticket, trackToken } = await commands.handle(actor, { room }, { type: 'open-inquiry', ...body });
    return reply.code(201).send({ ticket: ticketFor(actor.role, ticket), trackToken, trackUrl: links.trackUrl(trackToken) });
  });

  api.post('/api/tickets/:id/links', { config: { right: 'link' }, schema: { tags, params: TicketParams, body: LinkBody, response: { 200: Ticket, ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    const { ticket } = await commands.handle(actor, { ticket: request.params.id }, { type: 'link-ticket', ...request.body });
    return ticketFor(actor.role, ticket);
  });

  api.post('/api/tickets/:id/reply', {
    config: { right: 'reply' },
    schema: { tags, params: TicketParams, body: ReplyBody, response: { 200: Ticket, ...errors }, description: 'An answer to the reporter: shown on the tracking page and sent by mail; unlike `comment`, which stays with staff.' },
  }, async (request) => {
    const actor = signedInActor(request);
    const { ticket } = await commands.handle(actor, { ticket: request.params.id }, { type: 'reply', ...request.body });
    return ticketFor(actor.role, ticket);
  });

  api.post('/api/tickets/:id/children', { config: { right: 'create' }, schema: { tags, params: TicketParams, body: ChildBody, response: { 201: Ticket, ...errors } } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { ticket } = await commands.handle(actor, { ticket: request.params.id }, { type: 'open-child', ...request.body });
    return reply.code(201).send(ticketFor(actor.role, ticket));
  });

  api.get('/api/tickets/:id/children', { config: { right: 'view' }, schema: { tags, params: TicketParams, response: { 200: ChildrenView, ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    const parent = store.tickets.get(request.params.id);
    if (!parent || !visibleTo(actor, parent)) throw new NotFound('ticket', request.params.id);
    return childrenView(parent, store.entries.childrenOf(parent.id));
  });
};
