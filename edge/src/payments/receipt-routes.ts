import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Receipt, TrackParams } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reads } from '../tickets/site-reads.ts';
import { receiptOf } from './receipt.ts';

/** The receipt behind an occupant's tracking link: the money taken for the order, and what went back. */
export const receiptRoutes: FastifyPluginAsync<{ store: SiteStore; siteName: string }> = async (app, { store, siteName }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/track/:token/receipt', {
    schema: { tags: ['occupant'], params: TrackParams, response: { 200: Receipt, 404: ErrorBody }, description: 'The receipt for the order behind a tracking link (none for a free report): each payment taken (provider, time, transaction number) and each refund.' },
  }, async (request) => {
    const { ticket } = reads.tracked(store, request.params.token);
    return receiptOf(store, store.orders.byTicket(ticket.id), siteName);
  });
};
