import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ActionResult, EmptyBody, ErrorBody, QueueQuery, StaffQueue, TicketParams } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { requireActor } from '../http/session-cookie.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Actor } from './actor.ts';
import { staffQueue } from './queue.ts';
import { QueueRows } from './queue-rows.sqlite.ts';
import { decideRelease } from './release.ts';

export interface QueueRoutesOptions { auth: AuthService; store: SiteStore; clock: () => string }

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The staff queue page's reads and the one action the ticket routes lack: handing a ticket back to its team. */
export const queueRoutes: FastifyPluginAsync<QueueRoutesOptions> = async (app, { auth, store, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rows = new QueueRows(store.db);

  api.get('/api/queue', {
    schema: {
      tags: ['tickets'], querystring: QueueQuery, response: { 200: StaffQueue, ...errors },
      description: 'The signed-in worker\'s open tickets and their teams\' unclaimed ones, by priority then due time, with the actions each accepts from them.',
    },
  }, async (request) => staffQueue(store, rows, requireActor(auth, request), clock(), request.query.limit));

  api.post('/api/tickets/:id/release', {
    schema: {
      tags: ['tickets'], params: TicketParams, body: EmptyBody, response: { 200: ActionResult, ...errors },
      description: 'Hands the ticket back to its team\'s pool: no assignee, status new. Staff hand back only their own tickets.',
    },
  }, async (request) => {
    const actor = requireActor(auth, request);
    return store.batch(() => release(store, actor, request.params.id, clock(), request.body?.note));
  });
};

function release(store: SiteStore, actor: Actor, id: string, at: string, note: string | undefined) {
  return store.transact(actor.ref, at, (tx) => {
    const ticket = store.tickets.get(id);
    if (!ticket) throw new NotFound('ticket', id);
    tx.apply(decideRelease(ticket, actor, at, note));
    return { ticket: store.tickets.get(id)!, room: store.rooms.get(ticket.room)! };
  });
}
