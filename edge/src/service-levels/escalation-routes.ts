import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Category, CategoryParams, ErrorBody, EscalationSettings, IsoTime, SlaEscalation } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['service levels'];
const EscalationQuery = z.strictObject({
  from: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What a breached service level sets going, per category, and the escalations sent. */
export const escalationRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; clock: () => string }> = async (app, { store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put('/api/categories/:category/escalation', {
    config: { right: 'set-escalation' },
    schema: {
      tags, params: CategoryParams, body: EscalationSettings, response: { 200: Category, ...errors },
      description: 'What a breach of a ticket\'s response or resolution target does, once per breach: `notify` the person holding the ticket and the team\'s supervisor, `raisePriority` one step, `reassign` the ticket to the supervisor. Sent during the site\'s working hours, or at once for an urgent ticket. Without settings a category only notifies.',
    },
  }, async (request) => commands.handle(signedInActor(request), { category: request.params.category }, { type: 'set-escalation', escalation: request.body }));

  api.get('/api/sla/escalations', {
    config: { right: 'read-service-levels' },
    schema: {
      tags, querystring: EscalationQuery, response: { 200: z.object({ escalations: z.array(SlaEscalation) }), ...errors },
      description: 'Breaches escalated since `from` (default: the last 7 days), newest first: when the clock ran out, when the escalation went out, whom it told, the priority raised and to whom the ticket went.',
    },
  }, async (request) => {
    const from = request.query.from ?? new Date(Date.parse(clock()) - 7 * 86_400_000).toISOString();
    return { escalations: store.slaEscalations.since(new Date(from).toISOString(), request.query.limit) };
  });
};
