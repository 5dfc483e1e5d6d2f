import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Category, ErrorBody } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteStore } from '../store/site-store.ts';

/** What a rejecting screen needs to know about a category: its name and the reasons it lists. */
const CategoryChoice = Category.pick({ id: true, name: true, rejectionReasons: true, allowFreeTextReason: true });

/** The site's categories, for anyone who may view tickets (a door panel picks rejection reasons from them). */
export const categoryRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore }> = async (app, { auth, store }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/categories', {
    config: { right: 'view' },
    schema: { tags: ['rooms'], response: { 200: z.object({ categories: z.array(CategoryChoice) }), 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    const categories = store.directory.categories().map(({ id, name, rejectionReasons, allowFreeTextReason }) => ({ id, name, rejectionReasons, allowFreeTextReason }));
    return { categories };
  });
};
