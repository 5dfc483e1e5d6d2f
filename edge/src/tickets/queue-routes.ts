import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ActionResult, EmptyBody, ErrorBody, QueueQuery, StaffQueue, TicketParams } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import { staffQueue } from './queue.ts';
import { QueueRows } from './queue-rows.sqlite.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { mailFlagOn } from '../mail/mail-flag.ts';
import { MailRows } from '../mail/mail-rows.sqlite.ts';
import { slaOf } from '../service-levels/sla-keeper.ts';

export interface QueueRoutesOptions { auth: AuthService; store: SiteStore; commands: CommandHandler; clock: () => string }

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The staff queue page's reads and the one action the ticket routes lack: handing a ticket back to its team. */
export const queueRoutes: FastifyPluginAsync<QueueRoutesOptions> = async (app, { auth, store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rows = new QueueRows(store.db);
  const withMailFlag = mailFlagOn(new MailRows(store.db));
  // Each job with its mail flag and its service-level clocks as read now.
  const flagged = (items: StaffQueue['mine'], now: string) => items.map((i) => {
    const sla = slaOf(store, i.ticket.id, now);
    return { ...i, ticket: { ...withMailFlag(i.ticket, i.ticket), ...(sla ? { sla } : {}) } };
  });

  api.get('/api/queue', {
    config: { right: 'signed-in' },
    schema: {
      tags: ['tickets'], querystring: QueueQuery, response: { 200: StaffQueue, ...errors },
      description: 'The signed-in worker\'s open tickets and their teams\' unclaimed ones, by priority then due time, with the actions each accepts from them.',
    },
  }, async (request) => {
    const now = clock();
    const queue = staffQueue(store, rows, signedInActor(request), now, request.query.limit);
    return { ...queue, mine: flagged(queue.mine, now), pool: flagged(queue.pool, now) };
  });

  api.post('/api/tickets/:id/release', {
    config: { right: 'transfer' },
    schema: {
      tags: ['tickets'], params: TicketParams, body: EmptyBody, response: { 200: ActionResult, ...errors },
      description: 'Hands the ticket back to its team\'s pool: no assignee, status new. Staff hand back only their own tickets.',
    },
  }, async (request) => {
    const note = request.body?.note;
    return commands.handle(signedInActor(request), { ticket: request.params.id }, { type: 'release', ...(note ? { note } : {}) });
  });
};
