import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandler, markOptionalBodies, NotFound, securityHeaders, tokenDigest } from '@doorside/edge/http';
import type { VerifyResult } from '@doorside/edge/contracts';
import { CentralCommand, type ChainPoint, type ShippedEvent } from '../protocol.ts';
import { CommandInbox } from './command-inbox.ts';
import { CentralMetrics } from './metrics.ts';
import { migrate } from './migrations.ts';
import { OfficeDirectory, type OfficeRole } from './office-directory.ts';
import { OFFICE_COOKIE, officeRoutes } from './office-routes.ts';
import { OfficeViews } from './office-views.ts';
import { pageRoutes } from './pages.ts';
import { newSiteKey } from './site-auth.ts';
import { type Alert, SiteLog } from './site-log.ts';
import { siteRoutes } from './site-routes.ts';
import { type PaymentSettings, providersFrom } from '@doorside/edge/payments';
import { paymentNotifyRoutes } from './payment-notify-routes.ts';
import type { SqlDriver } from './sql-driver.ts';
import { type VendorLink, VendorLinks } from './vendor-links.ts';
import { centralVendorRoutes, type VendorLimits } from './vendor-routes.ts';
import { VendorViews } from './vendor-views.ts';
import { VendorFiles } from './vendor-files.ts';
import { PgDriver } from './sql-driver.pg.ts';
import { SqliteDriver } from './sql-driver.sqlite.ts';

/** Omit that keeps a union a union: each command type loses its own `id` and `by`. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CentralOptions {
  dataDir: string;
  /** PostgreSQL instead of the SQLite file `<dataDir>/central.sqlite`. */
  databaseUrl?: string;
  host?: string;
  port?: number;
  clock?: () => string;
  logger?: boolean;
  /** Mark the head-office cookie `Secure` (behind HTTPS). */
  secureCookies?: boolean;
  /** Where the built kiosk pages are (tests may point elsewhere). */
  assets?: string;
  /** The payment providers whose notices it takes for its sites (providers call the central server's public address). */
  payments?: PaymentSettings;
  /** Rate limits of the vendor's link (tests set them low). */
  vendorLimits?: VendorLimits;
}

export interface Central {
  url: string;
  backend: SqlDriver['dialect'];
  addSite(site: string, name?: string): Promise<{ siteKey: string }>;
  enqueueCommand(site: string, command: DistributiveOmit<CentralCommand, 'id' | 'by'> & { by?: string }): Promise<string>;
  commandState(id: string): Promise<{ state: 'pending' | 'applied' | 'refused'; reason: string | null; seq: number | null }>;
  siteCursor(site: string): Promise<ChainPoint>;
  alerts(site?: string): Promise<Array<Pick<Alert, 'site' | 'kind' | 'code' | 'params' | 'message' | 'seq' | 'at'>>>;
  eventCount(site: string): Promise<number>;
  /** A vendor link by its token's digest, as the site's log issued (and maybe revoked) it. */
  vendorLink(digest: string): Promise<VendorLink | undefined>;
  /** Stored events after `after`, as shipped (state as the hashed text). */
  events(site: string, after?: number, limit?: number): Promise<ShippedEvent[]>;
  /** Re-verifies the site's whole central copy from its first event. */
  verifySite(site: string): Promise<VerifyResult>;
  /** Adds a head-office user (`head_office` sees every site) or a site manager for the given sites. */
  addUser(username: string, password: string, role: OfficeRole, sites?: string[]): Promise<void>;
  hasUsers(): Promise<boolean>;
  app: FastifyInstance;
  /** Every route the server registered; `documented` unless hidden from the OpenAPI document (pages, health, metrics). */
  routes: { method: string; url: string; documented: boolean }[];
  close(): Promise<void>;
}

const systemClock = () => new Date().toISOString();

/** The central server: every site's verified log, the commands held for sites, and the head-office view. */
export async function startCentral(options: CentralOptions): Promise<Central> {
  const clock = options.clock ?? systemClock;
  let driver: SqlDriver;
  if (options.databaseUrl) {
    driver = new PgDriver(options.databaseUrl);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    driver = new SqliteDriver(join(options.dataDir, 'central.sqlite'));
  }
  try {
    await migrate(driver, clock());
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  const log = new SiteLog(driver);
  const commands = new CommandInbox(driver);
  const directory = new OfficeDirectory(driver);
  const views = new OfficeViews(driver);
  const vendorLinks = new VendorLinks(driver);
  const vendorViews = new VendorViews(driver, vendorLinks);
  const vendorFiles = new VendorFiles(driver, vendorViews);
  const metrics = new CentralMetrics();
  const routes: Central['routes'] = [];
  metrics.watchLinks(async () => (await views.sites(null, clock())).map((s) => ({ site: s.site, up: s.link.up })));

  const app = Fastify({
    logger: options.logger ? { level: 'warn' } : false,
    bodyLimit: 256 * 1024,
    // Several central processes may sit behind a load balancer; the address is not used for decisions.
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await securityHeaders(app, { secure: options.secureCookies ?? false });
  await app.register(cookie);
  // Every route it serves is documented, before any is registered: swagger learns them as they come.
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Doorside central server API', version: '1',
        description: 'Every building\'s verified log and status from its sync agent, the cross-site view for head office, and the commands it holds for sites.',
      },
      tags: [
        { name: 'sync', description: 'What a site\'s sync agent calls, with its site key (`authorization: Bearer <siteKey>`).' },
        { name: 'office', description: 'Head office and site managers, signed in with the session cookie.' },
        { name: 'payments', description: 'Payment providers\' notifications, each checked by the provider\'s own signature.' },
        { name: 'vendor link', description: 'A vendor\'s work-order link (the token in the path, or the cookie `GET /wo/{token}` sets): read from the copy of the site\'s log, each step held for the site as a command.' },
      ],
      components: {
        securitySchemes: {
          siteKey: { type: 'http', scheme: 'bearer', description: 'The site key the central server gave the site' },
          officeSession: { type: 'apiKey', in: 'cookie', name: OFFICE_COOKIE, description: 'Set by `POST /api/auth/login`' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => markOptionalBodies('openapiObject' in documentObject ? documentObject.openapiObject : {}),
  });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, documented: route.schema?.hide !== true });
  });
  await app.register(siteRoutes, { log, commands, metrics, clock, files: vendorFiles });
  await app.register(officeRoutes, { directory, views, log, commands, clock, secureCookies: options.secureCookies ?? false });
  await app.register(paymentNotifyRoutes, { providers: providersFrom({ ...options.payments, company: false }), commands, log, clock });
  await app.register(centralVendorRoutes, { views: vendorViews, files: vendorFiles, commands, clock, secureCookies: options.secureCookies ?? false, ...(options.vendorLimits ? { limits: options.vendorLimits } : {}) });
  await app.register(pageRoutes, options.assets ? { assets: options.assets } : {});
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', backend: driver.dialect }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8090 });
  } catch (error) {
    await app.close();
    await driver.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    backend: driver.dialect,
    app,
    routes,
    async addSite(site, name) {
      const siteKey = newSiteKey();
      await log.add(site, name ?? site, tokenDigest(siteKey), clock());
      return { siteKey };
    },
    async enqueueCommand(site, command) {
      await log.cursor(site);
      const id = randomUUID();
      const full = CentralCommand.parse({ ...command, id, by: command.by ?? 'central' });
      await commands.enqueue(site, full, clock());
      return id;
    },
    async commandState(id) {
      const { state, reason, seq } = await commands.state(id);
      return { state, reason, seq };
    },
    siteCursor: (site) => log.cursor(site),
    async alerts(site) {
      const all: Alert[] = await log.alerts(site === undefined ? null : [site]);
      return all.map(({ site: s, kind, code, params, message, seq, at }) => ({ site: s, kind, code, params, message, seq, at }));
    },
    async eventCount(site) {
      await log.cursor(site);
      return log.eventCount(site);
    },
    async events(site, after = 0, limit = 1000) {
      await log.cursor(site);
      return log.shipped(site, after, limit);
    },
    vendorLink: (digest) => vendorLinks.find(digest),
    async verifySite(site) {
      await log.cursor(site);
      return log.verify(site);
    },
    async addUser(username, password, role, sites = []) {
      for (const site of sites) if (!(await log.keyHash(site))) throw new NotFound('site', site);
      await directory.addUser(username, password, role, sites, clock());
    },
    hasUsers: () => directory.hasUsers(),
    async close() {
      await app.close();
      await driver.close();
    },
  };
}
