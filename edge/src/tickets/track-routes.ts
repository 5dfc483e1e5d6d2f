import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, RatingBody, TrackParams, TrackView } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { occupantActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { TrackLinks } from './track-links.sqlite.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The occupant's tracking link: progress without internal notes or names, and one rating when done ("not resolved" is in occupant-routes.ts). */
export const trackRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const links = new TrackLinks(store);

  api.get('/api/track/:token', { schema: { tags: ['occupant'], params: TrackParams, response: { 200: TrackView, ...errors } } }, async (request) => links.view(request.params.token));

  api.post('/api/track/:token/rating', { schema: { tags: ['occupant'], params: TrackParams, body: RatingBody, response: { 200: TrackView, ...errors } } }, async (request) => {
    const { score, comment } = request.body;
    await commands.handle(occupantActor, { track: request.params.token }, { type: 'rate', score, ...(comment ? { comment } : {}) });
    return links.view(request.params.token);
  });
};
