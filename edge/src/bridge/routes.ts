import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BridgeEventsPage, BridgeEventsQuery, BridgeFile, BridgeFileParams, BridgeStatusAnswer, CentralCommand, CommandResult, ErrorBody, SyncStatus, SyncStatusView, VENDOR_FILE_MAX_BYTES, VENDOR_FILES_MAX,
} from '../contracts/index.ts';
import { NotFound, Unauthorized } from '../domain-error.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DocumentStore } from '../attachments/document-store.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { VendorFileStores } from '../work-orders/vendor-files.ts';
import type { DeviceCounts } from '../devices/device-counts.ts';
import { bridgeKeyMatches } from './bridge-key.ts';
import { CommandApplier } from './command-applier.ts';
import { ShippedLog } from './shipped-log.sqlite.ts';
import { registerSyncGauges } from './sync-gauges.ts';
import { SyncStatusStore } from './sync-status.sqlite.ts';

export interface BridgeRoutesOptions {
  store: SiteStore; auth: AuthService; commands: CommandHandler; metrics: Metrics; clock: () => string;
  /** Where the files of a vendor's step taken at the central server are kept. */
  files: VendorFileStores;
  /** The site's device figures, sent with each page so head office counts as the dashboard does. */
  devices?: { counts(): DeviceCounts };
}

const errors = { 400: ErrorBody, 401: ErrorBody };
/** The largest command: a vendor's step with its files at their limits, base64, and room for its fields. */
const COMMAND_BODY_LIMIT = VENDOR_FILES_MAX * Math.ceil(VENDOR_FILE_MAX_BYTES / 3) * 4 + 256 * 1024;

/**
 * The gateway's side of the cloud bridge. The sync agent (bridge key) reads the log as
 * stored, hands over head-office commands and reports how syncing goes; the site
 * dashboard (a session with the audit right) reads that report.
 */
export const bridgeRoutes: FastifyPluginAsync<BridgeRoutesOptions> = async (app, { store, auth, commands, metrics, clock, devices, files }) => {
  const log = new ShippedLog(store.db, store.site);
  const statuses = new SyncStatusStore(store.db, log, clock);
  const applier = new CommandApplier(store, commands, files, clock);
  registerSyncGauges(metrics.registry, statuses);

  app.withTypeProvider<ZodTypeProvider>().get('/api/sync/status', {
    config: { right: 'read-audit' },
    schema: { tags: ['sync'], response: { 200: SyncStatusView, 401: ErrorBody, 403: ErrorBody } },
  }, async (request) => {
    return statuses.view();
  });

  await app.register(async (agent) => {
    // Checked before the body is read: a request without the key touches nothing.
    agent.addHook('onRequest', async (request) => {
      if (!bridgeKeyMatches(store, request.headers.authorization)) {
        throw new Unauthorized('BAD_BRIDGE_KEY', 'the bridge key is missing or wrong');
      }
    });
    const api = agent.withTypeProvider<ZodTypeProvider>();

    api.get('/api/bridge/events', {
      schema: { tags: ['sync'], querystring: BridgeEventsQuery, response: { 200: BridgeEventsPage, ...errors } },
    }, async (request) => ({ ...log.page(request.query.after, request.query.limit), ...(devices ? { devices: devices.counts() } : {}) }));

    api.post('/api/bridge/commands', {
      // A vendor's step may carry its files (base64) inside the command.
      bodyLimit: COMMAND_BODY_LIMIT,
      schema: { tags: ['sync'], body: CentralCommand, response: { 200: CommandResult, ...errors } },
    }, async (request) => applier.apply(request.body));

    api.get('/api/bridge/files/:id', {
      schema: { tags: ['sync'], params: BridgeFileParams, response: { 200: BridgeFile, 404: ErrorBody, ...errors }, description: 'A work order\'s file (the ticket\'s photos, the vendor\'s photos and PDFs) for the central server to keep: bytes as base64, type, name and SHA-256. Only files some work order lists; any other id is 404.' },
    }, async (request) => {
      const { id } = request.params;
      const file = store.workOrders.withAttachment(id)?.attachments.find((a) => a.id === id);
      if (!file) throw new NotFound('attachment', id);
      const pdf = file.type === DocumentStore.media.type;
      let bytes: Buffer;
      try {
        bytes = readFileSync(pdf ? files.documents.path(id) : files.photos.path(id));
      } catch {
        throw new NotFound('attachment', id);
      }
      return { id, name: file.name, type: pdf ? 'application/pdf' as const : 'image/jpeg' as const, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes.toString('base64') };
    });

    api.put('/api/bridge/status', {
      schema: { tags: ['sync'], body: SyncStatus, response: { 200: SyncStatusView, ...errors } },
    }, async (request) => {
      statuses.save(request.body);
      return statuses.view();
    });

    api.get('/api/bridge/status', {
      schema: { tags: ['sync'], response: { 200: BridgeStatusAnswer, ...errors } },
    }, async () => ({ status: statuses.reported() }));
  });
};
