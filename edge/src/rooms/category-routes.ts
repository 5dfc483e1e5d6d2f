import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Category, CategoryParams, CategoryPolicyBody, ErrorBody, RatingThresholdBody } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';

/** What a rejecting screen needs to know about a category: its name and the reasons it lists. */
const CategoryChoice = Category.pick({ id: true, name: true, names: true, rejectionReasons: true, reasonNames: true, allowFreeTextReason: true });

/** The site's categories, for anyone who may view tickets (a door panel picks rejection reasons from them), and their verification policy. */
export const categoryRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/categories', {
    config: { right: 'view' },
    schema: { tags: ['rooms'], response: { 200: z.object({ categories: z.array(CategoryChoice) }), 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const categories = store.directory.categories().map(({ id, name, names, rejectionReasons, reasonNames, allowFreeTextReason }) =>
      ({ id, name, ...(names ? { names } : {}), rejectionReasons, ...(reasonNames ? { reasonNames } : {}), allowFreeTextReason }));
    return { categories };
  });

  api.post('/api/categories/:category/policy', {
    config: { right: 'set-rejection-policy' },
    schema: {
      tags: ['rooms'], params: CategoryParams, body: CategoryPolicyBody,
      response: { 200: Category, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      description: 'Changes the category\'s verification policy, as head office can through the bridge: what a rejection does, and whether who did a job may approve or reject it (a one-person site).',
    },
  }, async (request) => commands.handle(signedInActor(request), { category: request.params.category }, { type: 'set-rejection-policy', policy: request.body }));

  api.put('/api/categories/:category/rating-threshold', {
    config: { right: 'set-rejection-policy' },
    schema: {
      tags: ['rooms'], params: CategoryParams, body: RatingThresholdBody,
      response: { 200: Category, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      description: 'Sets the rating (of 5) at or below which a finished job of the category reopens through its rejection policy, with the rater as the rejecting party; 0 never reopens. Without one set, 2.',
    },
  }, async (request) => commands.handle(signedInActor(request), { category: request.params.category }, { type: 'set-rating-threshold', threshold: request.body.threshold }));
};
