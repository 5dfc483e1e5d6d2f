import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionResult, ApproveBody, FinishedServices, RoomParams, AssignBody, CommentBody, CompleteBody, CreateTicketBody, EmptyBody, ErrorBody,
  ReasonBody, RejectBody, Ticket, TicketParams, TicketQuery, TransferBody,
} from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import { ticketFor, visibleScope, visibleTo } from '../rights/visibility.ts';
import type { TicketCommand } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { finishedServices } from './finished-services.ts';
import { MailRows } from '../mail/mail-rows.sqlite.ts';
import { mailFlagOn } from '../mail/mail-flag.ts';
import { commandAnswer } from '../http/command-answer.ts';
import { slaOf } from '../service-levels/sla-keeper.ts';

export interface TicketRoutesOptions { auth: AuthService; commands: CommandHandler; store: SiteStore; clock: () => string }

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Each action's body and how it becomes a domain command. */
const actions = {
  assign: { body: AssignBody, right: 'assign' as const, command: (b: z.infer<typeof AssignBody>): TicketCommand => ({ type: 'assign', ...b }) },
  claim: { body: EmptyBody, right: 'claim' as const, command: (b: z.infer<typeof EmptyBody>): TicketCommand => ({ type: 'claim', ...b }) },
  accept: { body: EmptyBody, right: 'accept' as const, command: (b: z.infer<typeof EmptyBody>): TicketCommand => ({ type: 'accept', ...b }) },
  transfer: { body: TransferBody, right: 'transfer' as const, command: (b: z.infer<typeof TransferBody>): TicketCommand => ({ type: 'transfer', ...b }) },
  start: { body: EmptyBody, right: 'start' as const, command: (b: z.infer<typeof EmptyBody>): TicketCommand => ({ type: 'start', ...b }) },
  complete: { body: CompleteBody, right: 'complete' as const, command: (b: z.infer<typeof CompleteBody>): TicketCommand => ({ type: 'complete', ...b }) },
  approve: { body: ApproveBody, right: 'approve' as const, command: (b: z.infer<typeof ApproveBody>): TicketCommand => ({ type: 'approve', ...b }) },
  reject: { body: RejectBody, right: 'reject' as const, command: (b: z.infer<typeof RejectBody>): TicketCommand => ({ type: 'reject', ...b }) },
  escalate: { body: ReasonBody, right: 'escalate' as const, command: (b: z.infer<typeof ReasonBody>): TicketCommand => ({ type: 'escalate', ...b }) },
  cancel: { body: ReasonBody, right: 'cancel' as const, command: (b: z.infer<typeof ReasonBody>): TicketCommand => ({ type: 'cancel', ...b }) },
  comment: { body: CommentBody, right: 'comment' as const, command: (b: z.infer<typeof CommentBody>): TicketCommand => ({ type: 'comment', ...b }) },
} as const;

export const ticketRoutes: FastifyPluginAsync<TicketRoutesOptions> = async (app, { auth, commands, store, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const withMailFlag = mailFlagOn(new MailRows(store.db));

  api.get('/api/tickets', { config: { right: 'view' }, schema: { tags: ['tickets'], querystring: TicketQuery, response: { 200: z.object({ tickets: z.array(Ticket) }), ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    const now = clock();
    return {
      tickets: store.tickets.list({ ...request.query, now, visible: visibleScope(actor) }).map((t) => {
        const sla = slaOf(store, t.id, now);
        return { ...withMailFlag(t, ticketFor(actor.role, t)), ...(sla ? { sla } : {}) };
      }),
    };
  });

  api.get('/api/tickets/:id', { config: { right: 'view' }, schema: { tags: ['tickets'], params: TicketParams, response: { 200: Ticket, ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    const ticket = store.tickets.get(request.params.id);
    if (!ticket || !visibleTo(actor, ticket)) throw new NotFound('ticket', request.params.id);
    const sla = slaOf(store, ticket.id, clock());
    return { ...withMailFlag(ticket, ticketFor(actor.role, ticket)), ...(sla ? { sla } : {}) };
  });

  api.post('/api/tickets', { config: { right: 'signed-in' }, schema: { tags: ['tickets'], body: CreateTicketBody, response: { 201: Ticket, ...errors } } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { room, ...body } = request.body;
    const { ticket } = await commands.handle(actor, { room }, { type: 'open-ticket', ...body });
    return reply.code(201).send(ticketFor(actor.role, ticket));
  });

  api.get('/api/rooms/:room/finished', {
    config: { right: 'view' },
    schema: {
      tags: ['rooms'], params: RoomParams, response: { 200: FinishedServices, ...errors },
      description: 'The room\'s finished services the viewer may approve or reject, with the before and after and the verdicts the gateway would accept from them.',
    },
  }, async (request) => finishedServices(store, signedInActor(request), request.params.room));

  for (const [name, action] of Object.entries(actions)) {
    api.post(`/api/tickets/:id/${name}`, {
      config: { right: action.right },
      schema: { tags: ['tickets'], params: TicketParams, body: action.body, response: { 200: ActionResult, ...errors } },
      serializerCompiler: commandAnswer,
    }, async (request) => {
      const actor = signedInActor(request);
      const command = (action.command as (b: unknown) => TicketCommand)(request.body ?? {});
      const result = await commands.handle(actor, { ticket: request.params.id }, command);
      return { ...result, ticket: ticketFor(actor.role, result.ticket) };
    });
  }
};
