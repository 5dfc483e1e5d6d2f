import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AutoDispatchBody, Category, CategoryParams, DispatchPeople, DutyBody, DutyState, ErrorBody, SkillsBody, SkillsState, Suggestions, TicketParams, UserParams,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Forbidden, NotFound } from '../domain-error.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { eligibleTeams } from './eligible-teams.ts';
import { suggestionsFor } from './suggestions.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['dispatch'];

/** Who should take a job, who is on duty, who has which skills, and automatic dispatch per category. */
export const dispatchRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/tickets/:id/suggestions', {
    config: { right: 'assign' },
    schema: {
      tags, params: TicketParams, response: { 200: Suggestions, ...errors },
      description: 'Who should take the ticket, best first, with the reasons (open load, a job under way on the same floor or zone, a booked visit that clashes, the skill). Only people who may hold the ticket, on duty and with the skill are listed.',
    },
  }, async (request) => {
    const actor = signedInActor(request);
    const ticket = store.tickets.get(request.params.id);
    if (!ticket || !visibleTo(actor, ticket)) throw new NotFound('ticket', request.params.id);
    return suggestionsFor(store, ticket);
  });

  api.get('/api/dispatch/people', { config: { right: 'assign' }, schema: { tags, response: { 200: DispatchPeople, ...errors }, description: 'The people who work tickets, with their teams, duty and skills.' } }, async () => {
    const teams = store.directory.teams();
    const offDuty = store.dispatch.offDuty();
    const skills = store.dispatch.allSkills();
    const people = store.directory.users()
      .map((user) => ({ id: user.id, name: user.name, teams: eligibleTeams(user, teams), onDuty: !offDuty.has(user.id), skills: skills.get(user.id) ?? [] }))
      .filter((person) => person.teams.length > 0);
    return { people };
  });

  const me = (request: Parameters<typeof signedInActor>[0]) => {
    const actor = signedInActor(request);
    if (!actor.user) throw new Forbidden('NOT_A_WORKER', 'duty is kept for people who sign in with their own account');
    return { actor, user: actor.user };
  };

  api.get('/api/me/duty', { config: { right: 'set-duty' }, schema: { tags, response: { 200: DutyState, ...errors }, description: 'Whether the signed-in person is on duty.' } }, async (request) => {
    return store.dispatch.duty(me(request).user);
  });

  api.post('/api/me/duty', { config: { right: 'set-duty' }, schema: { tags, body: DutyBody, response: { 200: DutyState, ...errors }, description: 'The signed-in person goes on or off duty: off duty, nobody suggests them and nothing is dispatched to them.' } }, async (request) => {
    const { actor, user } = me(request);
    return commands.handle(actor, { user }, { type: 'set-duty', onDuty: request.body.onDuty });
  });

  api.post('/api/users/:id/duty', { config: { right: 'set-duty' }, schema: { tags, params: UserParams, body: DutyBody, response: { 200: DutyState, ...errors }, description: 'Sets a person on or off duty: a supervisor for their teams, the facility head for anyone.' } }, async (request) => {
    return commands.handle(signedInActor(request), { user: request.params.id }, { type: 'set-duty', onDuty: request.body.onDuty });
  });

  api.put('/api/users/:id/skills', { config: { right: 'set-skills' }, schema: { tags, params: UserParams, body: SkillsBody, response: { 200: SkillsState, ...errors }, description: 'The categories a person is qualified for; an empty list means any category of their teams.' } }, async (request) => {
    return commands.handle(signedInActor(request), { user: request.params.id }, { type: 'set-skills', categories: request.body.categories });
  });

  api.post('/api/categories/:category/auto-dispatch', { config: { right: 'set-auto-dispatch' }, schema: { tags, params: CategoryParams, body: AutoDispatchBody, response: { 200: Category, ...errors }, description: 'Whether new tickets of the category, and those handed back to the pool, go at once to the top-ranked person on duty. Claiming from the pool stays possible.' } }, async (request) => {
    return commands.handle(signedInActor(request), { category: request.params.category }, { type: 'set-auto-dispatch', autoDispatch: request.body.autoDispatch });
  });
};
