import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PeopleList } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 401: ErrorBody, 403: ErrorBody };

/** The site's people, so pages show a full name wherever a username is stored. */
export const peopleRoutes: FastifyPluginAsync<{ store: SiteStore }> = async (app, { store }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/people', { config: { right: 'view' }, schema: { tags: ['people'], response: { 200: PeopleList, ...errors } } }, async () => ({
    people: store.directory.users()
      .filter((user) => user.active)
      .map((user) => ({ id: user.id, username: user.id, fullName: user.name, role: user.role, teams: user.teams })),
  }));
};
