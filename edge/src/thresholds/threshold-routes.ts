import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, ThresholdBody, ThresholdList, ThresholdParams, ThresholdPatch, ThresholdRule } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['thresholds'];

/** Sensor threshold rules: readings outside a band for long enough open work, once per excursion. */
export const thresholdRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/thresholds', {
    config: { right: 'read-thresholds' },
    schema: { tags, response: { 200: ThresholdList, ...errors }, description: 'The rules, each with the excursion it has under way (since when, the last reading, the ticket it opened), if any.' },
  }, async () => ({ thresholds: store.thresholds.all().map((rule) => ({ ...rule, excursion: store.thresholds.excursion(rule.id) ?? null })) }));

  api.post('/api/thresholds', {
    config: { right: 'manage-thresholds' },
    schema: {
      tags, body: ThresholdBody, response: { 201: ThresholdRule, ...errors },
      description: 'A rule: readings of `measure` from the devices of a room (or of the room an installation stands in) `above` or `below` `limit` for `forMinutes` open a task in `category`, once per excursion; a reading back inside the band ends the excursion.',
    },
  }, async (request, reply) => reply.code(201).send(await commands.handle(signedInActor(request), { thresholds: true }, { type: 'define-threshold', rule: request.body })));

  api.patch('/api/thresholds/:id', {
    config: { right: 'manage-thresholds' },
    schema: { tags, params: ThresholdParams, body: ThresholdPatch, response: { 200: ThresholdRule, ...errors }, description: 'Changes a rule; switching it off ends its excursion.' },
  }, async (request) => commands.handle(signedInActor(request), { threshold: request.params.id }, { type: 'update-threshold', changes: request.body }));

  api.delete('/api/thresholds/:id', {
    config: { right: 'manage-thresholds' },
    schema: { tags, params: ThresholdParams, response: { 200: ThresholdRule, ...errors }, description: 'Switches a rule off for good (kept for the audit trail); its excursion ends.' },
  }, async (request) => commands.handle(signedInActor(request), { threshold: request.params.id }, { type: 'remove-threshold' }));
};
