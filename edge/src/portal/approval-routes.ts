import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Approval, ApprovalDecisionParams, Approvals, DecideApprovalBody, ErrorBody, RequestApprovalBody, TicketParams } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { portalRequests } from './request-view.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Approvals asked of tenants: staff ask on a ticket, the tenant answers in the portal. */
export const approvalRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/tickets/:id/approvals', {
    config: { right: 'request-approval' },
    schema: { tags: ['portal'], params: TicketParams, body: RequestApprovalBody, response: { 201: Approval, ...errors },
      description: 'Asks the ticket\'s tenant to approve a quote above its limit or a vendor\'s visit; they answer in the portal.' },
  }, async (request, reply) => {
    const approval = await commands.handle(signedInActor(request), { ticket: request.params.id }, { type: 'request-approval', ...request.body });
    return reply.code(201).send(approval);
  });

  api.get('/api/tickets/:id/approvals', {
    config: { right: 'request-approval' },
    schema: { tags: ['portal'], params: TicketParams, response: { 200: z.object({ approvals: z.array(Approval) }), ...errors }, description: 'The approvals asked on a ticket, and their answers.' },
  }, async (request) => {
    const ticket = store.tickets.get(request.params.id);
    if (!ticket || !visibleTo(signedInActor(request), ticket)) throw new NotFound('ticket', request.params.id);
    return { approvals: store.portal.approvalsOf(ticket.id) };
  });

  api.get('/api/portal/approvals', {
    config: { right: 'read-requests' },
    schema: { tags: ['portal'], response: { 200: Approvals, ...errors }, description: 'The approvals asked on the requests the tenant reads, pending first.' },
  }, async (request) => {
    const actor = signedInActor(request);
    const approvals = portalRequests(store, actor).flatMap((t) => store.portal.approvalsOf(t.id).map((a) => ({ ...a, request: { id: t.id, title: t.title } })));
    return { approvals: approvals.sort((a, b) => Number(a.status !== 'pending') - Number(b.status !== 'pending') || b.requestedAt.localeCompare(a.requestedAt)) };
  });

  api.post('/api/portal/approvals/:id/:decision', {
    config: { right: 'decide-approval' },
    schema: { tags: ['portal'], params: ApprovalDecisionParams, body: DecideApprovalBody, response: { 200: Approval, ...errors },
      description: 'Approves or declines, once. A tenant answers for their own requests; their company\'s tenant administrator for all of the company\'s.' },
  }, async (request) => {
    return commands.handle(signedInActor(request), { approval: request.params.id }, {
      type: 'decide-approval', decision: request.params.decision, ...(request.body.comment ? { comment: request.body.comment } : {}),
    });
  });
};
