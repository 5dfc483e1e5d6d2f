import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, RatingBody, TrackParams, TrackView } from '../contracts/index.ts';
import { assertRateable } from './rating.ts';
import { tokenDigest } from '../auth/token.ts';
import { TrackLinks } from './track-links.sqlite.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The occupant's tracking link: progress without internal notes or names, and one rating when done ("not resolved" is in occupant-routes.ts). */
export const trackRoutes: FastifyPluginAsync<{ store: SiteStore; clock: () => string }> = async (app, { store, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const links = new TrackLinks(store);
  const find = (token: string) => links.find(token);
  const view = (token: string) => links.view(token);

  api.get('/api/track/:token', { schema: { tags: ['occupant'], params: TrackParams, response: { 200: TrackView, ...errors } } }, async (request) => view(request.params.token));

  api.post('/api/track/:token/rating', { schema: { tags: ['occupant'], params: TrackParams, body: RatingBody, response: { 200: TrackView, ...errors } } }, async (request) => {
    const { row, ticket } = find(request.params.token);
    assertRateable(ticket, row.rating !== null);
    const { score, comment } = request.body;
    store.transact('occupant', clock(), (tx) => {
      store.db.prepare('UPDATE track_tokens SET rating = ?, comment = ? WHERE token_hash = ?').run(score, comment ?? null, tokenDigest(request.params.token));
      tx.record('ticket-rated', `ticket:${ticket.id}`, { ticket: ticket.id, room: ticket.room, score, comment: comment ?? null });
    });
    return view(request.params.token);
  });
};
