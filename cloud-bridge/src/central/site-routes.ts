import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, Invalid } from '@doorside/edge/http';
import { BatchAccepted, BridgeFile, CommandParams, FileKept, FileParams, MAX_FILE_BODY_BYTES, WantedFiles, CommandResult, CommandState, CursorAnswer, EventBatch, MAX_BATCH_BYTES, PendingCommands, SiteParams, StatusUpload } from '../protocol.ts';
import type { CommandInbox } from './command-inbox.ts';
import { ChainRefusal } from './errors.ts';
import type { CentralMetrics } from './metrics.ts';
import { requireSiteKey } from './site-auth.ts';
import type { SiteLog } from './site-log.ts';
import type { VendorFiles } from './vendor-files.ts';

export interface SiteRoutesOptions { log: SiteLog; commands: CommandInbox; metrics: CentralMetrics; clock: () => string; files: VendorFiles }

const INGEST_ROUTE = '/api/sites/:site/events';
/** The site key, as the OpenAPI document names it. */
const siteKey = [{ siteKey: [] }];

/** What a site's sync agent calls, with `authorization: Bearer <siteKey>`. */
export const siteRoutes: FastifyPluginAsync<SiteRoutesOptions> = async (app, { log, commands, metrics, clock, files }) => {
  // Checked before the body is even read: an unknown caller gets no 30 MB parse.
  app.addHook('onRequest', async (request) => {
    await requireSiteKey(log, String((request.params as { site?: unknown }).site ?? ''), request);
  });
  // The gateway's handler has no 422; this one answers chain refusals and hands everything else up.
  app.setErrorHandler(async (error: Error, request, reply) => {
    if (request.method === 'POST' && request.routeOptions.url === INGEST_ROUTE) {
      const reason = error instanceof DomainError ? error.code : (error as { validation?: unknown }).validation ? 'INVALID' : 'OTHER';
      metrics.batchesRefused.inc({ reason });
    }
    if (error instanceof ChainRefusal) {
      metrics.alerts.inc({ site: (request.params as { site: string }).site, kind: error.alertKind });
      return reply.code(error.status).send({ error: error.code, message: error.message, details: error.details });
    }
    throw error;
  });

  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/sites/:site/cursor', { schema: { tags: ['sync'], security: siteKey, description: 'The central copy\'s head for the site: where the agent\'s next batch must start.', params: SiteParams, response: { 200: CursorAnswer } } }, async (request) => ({
    cursor: await log.cursor(request.params.site),
  }));

  api.post(INGEST_ROUTE, { bodyLimit: MAX_BATCH_BYTES, schema: { tags: ['sync'], security: siteKey, description: 'A batch of the site\'s events after `after`, verified hash by hash and stored whole or not at all; a re-sent batch changes nothing. 409 OUT_OF_ORDER names where to resend from; 422 CHAIN_BROKEN and LOG_CUT_BACK raise an alert.', params: SiteParams, body: EventBatch, response: { 200: BatchAccepted } } }, async (request) => {
    const stop = metrics.ingestSeconds.startTimer();
    const outcome = await log.ingest(request.params.site, request.body, clock());
    stop();
    metrics.eventsIngested.inc({ site: request.params.site }, outcome.stored);
    return outcome;
  });

  api.get('/api/sites/:site/commands', { schema: { tags: ['sync'], security: siteKey, description: 'The commands head office holds for the site and the site has not answered, oldest first.', params: SiteParams, response: { 200: PendingCommands } } }, async (request) => ({
    commands: await commands.pending(request.params.site),
  }));

  api.post('/api/sites/:site/commands/:id/result', { schema: { tags: ['sync'], security: siteKey, description: 'The site\'s answer to a command: applied (with its event) or refused (with the rules\' reason). The first answer is kept; the same again is fine, a different one 409.', params: CommandParams, body: CommandResult, response: { 200: CommandState } } }, async (request) =>
    commands.answer(request.params.site, request.params.id, request.body, clock()));

  api.get('/api/sites/:site/files/wanted', { schema: { tags: ['sync'], security: siteKey, description: 'The files of work orders a live vendor link opens (as the copy of the site\'s log lists them) that the central server does not hold yet: the agent copies each up.', params: SiteParams, response: { 200: WantedFiles } } }, async (request) => ({
    files: await files.wanted(request.params.site),
  }));

  api.put('/api/sites/:site/files/:id', { bodyLimit: MAX_FILE_BODY_BYTES, schema: { tags: ['sync'], security: siteKey, description: 'A work order\'s file copied from the site (bytes as base64, type, name, SHA-256), kept once: the same again changes nothing. 404 for a file no linked order lists; 400 INVALID when the bytes do not match.', params: FileParams, body: BridgeFile, response: { 200: FileKept } } }, async (request) => {
    if (request.body.id !== request.params.id) throw new Invalid('INVALID', 'the file\'s id differs from the address', { id: request.params.id });
    return files.keep(request.params.site, request.body, clock());
  });

  api.post('/api/sites/:site/status', { schema: { tags: ['sync'], security: siteKey, description: 'The agent\'s own view of the link and its lag, and proof it is there: three missed reports (`reportEveryMs` each) and head office sees the link down.', params: SiteParams, body: StatusUpload, response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request) => {
    await log.recordStatus(request.params.site, request.body, clock());
    return { ok: true as const };
  });
};
