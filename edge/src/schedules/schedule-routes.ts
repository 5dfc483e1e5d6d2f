import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, OccurrenceList, OccurrenceQuery, Schedule, ScheduleBody, ScheduleList, ScheduleParams, SchedulePatch } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { occurrenceList, withNext } from './schedule-views.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['schedules'];

/** Schedules of planned work: the calendar, keeping it, and what each schedule will make. */
export const scheduleRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; clock: () => string }> = async (app, { store, commands, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { right: 'read-schedules' as const };
  const manage = { right: 'manage-schedules' as const };
  const found = (id: string) => {
    const schedule = store.schedules.get(id);
    if (!schedule) throw new NotFound('schedule', id);
    return schedule;
  };

  api.get('/api/schedules', { config: read, schema: { tags, response: { 200: ScheduleList, ...errors }, description: 'Every schedule of planned work, with its next occurrence.' } }, async () =>
    ({ schedules: store.schedules.all().map((s) => withNext(store, s, clock())) }));

  api.post('/api/schedules', {
    config: manage,
    schema: {
      tags, body: ScheduleBody, response: { 201: Schedule, ...errors },
      description: 'A schedule: an RFC 5545 RRULE from a local start in an IANA time zone, for a room, zone or installation, with category, team, checklist, lead time and what a day off does. A rule that cannot be read, recurs more than hourly or yields nothing, and an unknown time zone, are refused (400).',
    },
  }, async (request, reply) =>
    reply.code(201).send(await commands.handle(signedInActor(request), { directory: true }, { type: 'create-schedule', schedule: request.body })));

  api.get('/api/schedules/:id', { config: read, schema: { tags, params: ScheduleParams, response: { 200: Schedule, ...errors } } }, async (request) => found(request.params.id));

  api.patch('/api/schedules/:id', {
    config: manage,
    schema: { tags, params: ScheduleParams, body: SchedulePatch, response: { 200: Schedule, ...errors }, description: 'Changes a schedule; a changed rule plans from now on.' },
  }, async (request) => commands.handle(signedInActor(request), { schedule: request.params.id }, { type: 'update-schedule', changes: request.body }));

  api.delete('/api/schedules/:id', {
    config: manage,
    schema: { tags, params: ScheduleParams, response: { 200: Schedule, ...errors }, description: 'Removes a schedule; tickets it made stay.' },
  }, async (request) => commands.handle(signedInActor(request), { schedule: request.params.id }, { type: 'remove-schedule' }));

  api.get('/api/schedules/:id/occurrences', {
    config: read,
    schema: {
      tags, params: ScheduleParams, querystring: OccurrenceQuery, response: { 200: OccurrenceList, ...errors },
      description: 'What the schedule will make between `from` (default now) and `to`, each occurrence as planned and as it lands on the working days, with its ticket once made. A rule that never ends needs `to`.',
    },
  }, async (request) => occurrenceList(store, found(request.params.id), { ...request.query, now: clock() }));
};
