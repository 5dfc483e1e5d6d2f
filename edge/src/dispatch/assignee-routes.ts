import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Assignees, ErrorBody } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteStore } from '../store/site-store.ts';
import { eligibleTeams } from './eligible-teams.ts';

const errors = { 401: ErrorBody, 403: ErrorBody };

/** Who a dispatcher may hand a ticket to: every team, and each person with the teams they may work for. */
export const assigneeRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore }> = async (app, { auth, store }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/assignees', { config: { right: 'assign' }, schema: { tags: ['tickets'], response: { 200: Assignees, ...errors } } }, async (request) => {
    const teams = store.directory.teams();
    const people = store.directory.users()
      .map((user) => ({ id: user.id, name: user.name, role: user.role, teams: eligibleTeams(user, teams) }))
      .filter((person) => person.teams.length > 0);
    return { teams: teams.map(({ id, name, names }) => ({ id, name, ...(names ? { names } : {}) })), people };
  });
};
