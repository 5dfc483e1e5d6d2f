import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateInstallationBody, CreatePersonBody, CreateUnitBody, ErrorBody, Installation, InstallationHistory, InstallationList, InstallationParams,
  PersonList, PersonParams, PersonRecord, Unit, UnitList, UnitParams, UpdateInstallationBody, UpdatePersonBody, UpdateUnitBody,
} from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { signedInActor } from '../auth/sign-in.ts';
import { NotFound } from '../domain-error.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { installationHistory } from './installation-history.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['directory'];

/** The directory of persons, units and installations: staff read it, admins and supervisors keep it. */
export const directoryRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { right: 'read-directory' as const };
  const manage = { right: 'manage-directory' as const };

  api.get('/api/persons', { config: read, schema: { tags, response: { 200: PersonList, ...errors } } }, async () => ({ persons: store.entries.persons.list() }));
  api.post('/api/persons', { config: manage, schema: { tags, body: CreatePersonBody, response: { 201: PersonRecord, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await commands.handle(signedInActor(request), { directory: true }, { type: 'create-person', person: request.body })));
  api.patch('/api/persons/:id', { config: manage, schema: { tags, params: PersonParams, body: UpdatePersonBody, response: { 200: PersonRecord, ...errors } } }, async (request) =>
    commands.handle(signedInActor(request), { person: request.params.id }, { type: 'update-person', changes: request.body }));

  api.get('/api/units', { config: read, schema: { tags, response: { 200: UnitList, ...errors } } }, async () => ({ units: store.entries.units.list() }));
  api.post('/api/units', { config: manage, schema: { tags, body: CreateUnitBody, response: { 201: Unit, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await commands.handle(signedInActor(request), { directory: true }, { type: 'create-unit', unit: request.body })));
  api.patch('/api/units/:id', { config: manage, schema: { tags, params: UnitParams, body: UpdateUnitBody, response: { 200: Unit, ...errors } } }, async (request) =>
    commands.handle(signedInActor(request), { unit: request.params.id }, { type: 'update-unit', changes: request.body }));

  api.get('/api/installations', { config: read, schema: { tags, response: { 200: InstallationList, ...errors } } }, async () => ({ installations: store.entries.installations.list() }));
  api.post('/api/installations', { config: manage, schema: { tags, body: CreateInstallationBody, response: { 201: Installation, ...errors } } }, async (request, reply) =>
    reply.code(201).send(await commands.handle(signedInActor(request), { directory: true }, { type: 'create-installation', installation: request.body })));
  api.patch('/api/installations/:id', { config: manage, schema: { tags, params: InstallationParams, body: UpdateInstallationBody, response: { 200: Installation, ...errors } } }, async (request) =>
    commands.handle(signedInActor(request), { installation: request.params.id }, { type: 'update-installation', changes: request.body }));

  api.get('/api/installations/:id/history', {
    config: read,
    schema: { tags, params: InstallationParams, response: { 200: InstallationHistory, ...errors }, description: 'Every ticket linked to the installation that the reader sees: who worked it, what was rejected and why.' },
  }, async (request) => {
    const actor = signedInActor(request);
    const installation = store.entries.installations.get(request.params.id);
    if (!installation) throw new NotFound('installation', request.params.id);
    return installationHistory(installation, store.entries.ticketsOf(installation.id).filter((t) => visibleTo(actor, t)));
  });
};
