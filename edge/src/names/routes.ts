import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Category, CategoryNamesBody, CategoryParams, ErrorBody, Room, RoomNamesBody, RoomParams, Team, TeamNamesBody, TeamParams } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const right = { right: 'set-names' } as const;
const about = 'Each map given replaces the one held (an empty map clears it); a map not given stays. The plain name stands in for a language missing.';

/** Names people typed, in the other languages of the site, so pages and signs show them in the reader's language. */
export const nameRoutes: FastifyPluginAsync<{ commands: CommandHandler }> = async (app, { commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.patch('/api/rooms/:room/names', {
    config: right,
    schema: { tags: ['rooms'], params: RoomParams, body: RoomNamesBody, response: { 200: Room, ...errors }, description: `A room's and its zone's names in other languages, and the languages its label is printed in (null: all four). ${about}` },
  }, async (request) => commands.handle(signedInActor(request), { room: request.params.room }, { type: 'set-names', ...request.body }) as Promise<Room>);

  api.patch('/api/categories/:category/names', {
    config: right,
    schema: { tags: ['rooms'], params: CategoryParams, body: CategoryNamesBody, response: { 200: Category, ...errors }, description: `A category's name and its rejection reasons in other languages. ${about}` },
  }, async (request) => commands.handle(signedInActor(request), { category: request.params.category }, { type: 'set-names', ...request.body }) as Promise<Category>);

  api.patch('/api/teams/:team/names', {
    config: right,
    schema: { tags: ['rooms'], params: TeamParams, body: TeamNamesBody, response: { 200: Team, ...errors }, description: `A team's name in other languages. ${about}` },
  }, async (request) => commands.handle(signedInActor(request), { team: request.params.team }, { type: 'set-names', ...request.body }) as Promise<Team>);
};
