import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { attachmentRoutes } from './attachments/routes.ts';
import { mailFileRoutes } from './mail/mail-file-routes.ts';
import type { MailAttachmentStore } from './mail/mail-attachment-store.ts';
import type { PhotoStore } from './attachments/photo-store.ts';
import type { DocumentStore } from './attachments/document-store.ts';
import { vendorLinkRoutes } from './work-orders/vendor-link-routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { bridgeRoutes } from './bridge/routes.ts';
import { assigneeRoutes } from './dispatch/assignee-routes.ts';
import { dispatchRoutes } from './dispatch/dispatch-routes.ts';
import { stockRoutes } from './stock/stock-routes.ts';
import { serviceLevelRoutes } from './service-levels/service-level-routes.ts';
import { escalationRoutes } from './service-levels/escalation-routes.ts';
import { thresholdRoutes } from './thresholds/threshold-routes.ts';
import { peopleRoutes } from './people/people-routes.ts';
import { announcementRoutes } from './announcements/announcement-routes.ts';
import { pushRoutes } from './push/push-routes.ts';
import { orderRoutes } from './orders/order-routes.ts';
import type { OrderPayments } from './orders/order-payments.ts';
import { serviceRoutes } from './orders/service-routes.ts';
import { type PortalLimits, portalRoutes } from './portal/portal-routes.ts';
import { approvalRoutes } from './portal/approval-routes.ts';
import { scheduleRoutes } from './schedules/schedule-routes.ts';
import { vendorRoutes } from './work-orders/vendor-routes.ts';
import { workOrderRoutes } from './work-orders/work-order-routes.ts';
import { checklistRoutes } from './tickets/checklist-routes.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { surveyRoutes } from './surveys/survey-routes.ts';
import { directoryRoutes } from './directory/routes.ts';
import { inquiryRoutes } from './inquiries/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { kpiRoutes } from './kpis/routes.ts';
import { type DeviceRoutesOptions, deviceRoutes } from './devices/routes.ts';
import { countDevices } from './devices/device-counts.ts';
import type { AuthService } from './auth/auth-service.ts';
import { authRoutes } from './auth/routes.ts';
import { installSignIn } from './auth/sign-in.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { ReportLimits } from './rooms/report-rate-limit.ts';
import { roomRoutes } from './rooms/routes.ts';
import { qrRoutes } from './rooms/qr-routes.ts';
import { shortLinkRoutes } from './rooms/short-link-routes.ts';
import { categoryRoutes } from './rooms/category-routes.ts';
import { nameRoutes } from './names/routes.ts';
import type { SiteStore } from './store/site-store.ts';
import { ticketRoutes } from './tickets/routes.ts';
import type { CommandHandler } from './commands/handler.ts';
import { trackRoutes } from './tickets/track-routes.ts';
import { occupantRoutes } from './tickets/occupant-routes.ts';
import { queueRoutes } from './tickets/queue-routes.ts';
import { liveRoutes } from './live/ws-routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { markOptionalBodies } from './http/optional-bodies.ts';
import { requireJsonFromSignedIn } from './http/signed-in-content-type.ts';
import { securityHeaders } from './http/security-headers.ts';
import { pageRoutes } from './http/pages.ts';
import type { KeyObject } from 'node:crypto';
import { notifyRoutes } from './payments/notify-routes.ts';
import { paymentRoutes } from './payments/payment-routes.ts';
import type { Providers } from './payments/provider.ts';
import { simulatedPayRoutes } from './payments/simulated-pay-routes.ts';
import { statementRoutes } from './payments/statement-routes.ts';
import { receiptRoutes } from './payments/receipt-routes.ts';
import type { CookiePolicy } from './auth/session-cookie.ts';
import type { PublicAddress } from './http/public-address.ts';

export interface AppDeps {
  /** Web Push: the VAPID public key. */
  push: { publicKey: string };
  devices: Omit<DeviceRoutesOptions, 'auth' | 'store' | 'clock' | 'commands' | 'links'>;
  photos: PhotoStore;
  /** PDFs a vendor sends with a work order. */
  documents: DocumentStore;
  /** The documents kept for tenants and staff (house rules, fire plans, contracts, certificates). */
  library: DocumentStore;
  /** Files that came by mail. */
  mailFiles: MailAttachmentStore;
  store: SiteStore;
  auth: AuthService;
  commands: CommandHandler;
  metrics: Metrics;
  clock: () => string;
  cookies: CookiePolicy;
  reportLimits?: ReportLimits;
  /** Sign-in links asked for per address and per mail address. */
  portalLimits?: PortalLimits;
  logger?: boolean;
  version: string;
  /** Every link that leaves the gateway is built on it. */
  publicAddress: PublicAddress;
  /** The site's name as printed for people. */
  siteName: string;
  /** Lookups of a room's short code per address (`/r/{code}`). */
  shortLinkLimit?: { max: number; windowMs: number };
  /** Origins besides the gateway's own whose pages may open the live feed. */
  allowedOrigins?: readonly string[];
  /** Where orders meet the payment side. */
  orderPayments: OrderPayments;
  /** The providers the site takes payments through; the simulated provider's signing key when it is on; where notices go. */
  payments: { providers: Providers; simulatedKey: KeyObject | null; notifyUrl: () => string };
}

/** How long requests under way have to finish when the gateway stops. */
const STOP_GRACE_MS = 2000;

/**
 * Stops serving: no new connections; requests under way get a short grace to finish, then
 * every connection still open is cut. A client that never finishes its request's head would
 * otherwise hold the stop for a minute (Node's own head timeout).
 */
export async function stopServing(app: FastifyInstance): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), STOP_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { level: 'warn' } : false,
    bodyLimit: 256 * 1024,
    // Occupants' phones and door tablets reach the gateway directly; there is no proxy to trust.
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    // Errors raised while routing (a malformed or overlong URL) get the same shape as all others.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      (reply as FastifyReply).code(status).send({ error: error.code ?? 'BAD_REQUEST', message: status === 414 ? 'the URL is too long' : 'the URL is not valid' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  // An action without options may be sent with a JSON content type and no body at all; it is then
  // an empty object for the route's schema to judge, not a parse error. Other JSON keeps fastify's
  // own parser, with its protection against prototype poisoning.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    json(request, text, done);
  });
  // An action without options ("start") may come with no body at all; its schema then sees {}.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.method === 'POST' && (request.body === null || request.body === undefined)) request.body = {};
    done();
  });
  await securityHeaders(app, { secure: deps.cookies.secure });
  await app.register(cookie);
  requireJsonFromSignedIn(app);
  installSignIn(app, deps.auth);
  // Phones on a weak mobile link wait for every byte: page bundles and JSON over 1 kB go gzipped (about
  // a quarter of their size). Compressed request bodies are not accepted, and brotli's default level costs too much CPU here.
  await app.register(compress, { encodings: ['gzip', 'deflate'], globalDecompression: false, threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Doorside gateway API', version: deps.version, description: 'One building: rooms, tickets, service rejection, audit log.' },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => markOptionalBodies('openapiObject' in documentObject ? documentObject.openapiObject : {}),
  });

  await app.register(liveRoutes, { store: deps.store, auth: deps.auth, refused: deps.metrics.liveRefused, allowedOrigins: deps.allowedOrigins ?? [],
    presence: deps.devices.presence, clock: deps.clock });
  await app.register(authRoutes, { auth: deps.auth, cookies: deps.cookies });
  await app.register(roomRoutes, { links: deps.publicAddress, auth: deps.auth, commands: deps.commands, store: deps.store, photos: deps.photos, clock: deps.clock, ...(deps.reportLimits ? { reportLimits: deps.reportLimits } : {}) });
  await app.register(shortLinkRoutes, { store: deps.store, links: deps.publicAddress, ...(deps.shortLinkLimit ? { limit: deps.shortLinkLimit } : {}) });
  await app.register(nameRoutes, { commands: deps.commands });
  await app.register(categoryRoutes, { auth: deps.auth, store: deps.store, commands: deps.commands });
  await app.register(qrRoutes, { links: deps.publicAddress, siteName: deps.siteName, auth: deps.auth, store: deps.store, commands: deps.commands });
  await app.register(ticketRoutes, { auth: deps.auth, commands: deps.commands, store: deps.store, clock: deps.clock });
  await app.register(attachmentRoutes, { auth: deps.auth, commands: deps.commands, store: deps.store, photos: deps.photos, clock: deps.clock });
  await app.register(mailFileRoutes, { store: deps.store, files: deps.mailFiles });
  await app.register(deviceRoutes, { ...deps.devices, links: deps.publicAddress, auth: deps.auth, store: deps.store, clock: deps.clock, commands: deps.commands });
  await app.register(trackRoutes, { store: deps.store, commands: deps.commands });
  await app.register(directoryRoutes, { store: deps.store, commands: deps.commands });
  await app.register(inquiryRoutes, { store: deps.store, commands: deps.commands, links: deps.publicAddress });
  await app.register(occupantRoutes, { store: deps.store, commands: deps.commands, photos: deps.photos, clock: deps.clock, ...(deps.reportLimits ? { reportLimits: deps.reportLimits } : {}) });
  await app.register(queueRoutes, { auth: deps.auth, store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(auditRoutes, { auth: deps.auth, store: deps.store });
  await app.register(bridgeRoutes, { store: deps.store, auth: deps.auth, commands: deps.commands, metrics: deps.metrics, clock: deps.clock, files: { photos: deps.photos, documents: deps.documents },
    devices: { counts: () => countDevices(deps.devices.presence.listed()) } });
  await app.register(kpiRoutes, { auth: deps.auth, store: deps.store, clock: deps.clock });
  await app.register(exportRoutes, { auth: deps.auth, store: deps.store, clock: deps.clock });
  await app.register(assigneeRoutes, { auth: deps.auth, store: deps.store });
  await app.register(dispatchRoutes, { store: deps.store, commands: deps.commands });
  await app.register(stockRoutes, { store: deps.store, commands: deps.commands });
  await app.register(peopleRoutes, { store: deps.store });
  await app.register(approvalRoutes, { store: deps.store, commands: deps.commands });
  await app.register(announcementRoutes, { store: deps.store, commands: deps.commands });
  await app.register(pushRoutes, { commands: deps.commands, publicKey: deps.push.publicKey });
  await app.register(serviceRoutes, { store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(orderRoutes, { store: deps.store, commands: deps.commands, payments: deps.orderPayments, clock: deps.clock, ...(deps.reportLimits ? { reportLimits: deps.reportLimits } : {}) });
  await app.register(portalRoutes, { store: deps.store, commands: deps.commands, auth: deps.auth, cookies: deps.cookies, siteName: deps.siteName, ...(deps.portalLimits ? { limits: deps.portalLimits } : {}) });
  await app.register(notifyRoutes, { providers: deps.payments.providers, commands: deps.commands, clock: deps.clock });
  await app.register(paymentRoutes, {
    store: deps.store, links: deps.publicAddress,
    calls: { commands: deps.commands, providers: deps.payments.providers, notifyUrl: deps.payments.notifyUrl, clock: deps.clock },
  });
  await app.register(statementRoutes, { store: deps.store, siteName: deps.siteName });
  await app.register(receiptRoutes, { store: deps.store, siteName: deps.siteName });
  if (deps.payments.simulatedKey) {
    await app.register(simulatedPayRoutes, {
      store: deps.store, privateKey: deps.payments.simulatedKey, siteName: deps.siteName, clock: deps.clock, notifyUrl: () => `${deps.payments.notifyUrl()}/simulated`,
    });
  }
  await app.register(scheduleRoutes, { store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(serviceLevelRoutes, { store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(escalationRoutes, { store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(thresholdRoutes, { store: deps.store, commands: deps.commands });
  await app.register(vendorRoutes, { store: deps.store, commands: deps.commands });
  await app.register(workOrderRoutes, { store: deps.store, commands: deps.commands, links: deps.publicAddress });
  await app.register(vendorLinkRoutes, { store: deps.store, commands: deps.commands, photos: deps.photos, documents: deps.documents, clock: deps.clock, secureCookies: deps.cookies.secure });
  await app.register(checklistRoutes, { commands: deps.commands });
  await app.register(documentRoutes, { store: deps.store, commands: deps.commands, library: deps.library, clock: deps.clock });
  await app.register(surveyRoutes, { store: deps.store, commands: deps.commands, clock: deps.clock });
  await app.register(pageRoutes, {});

  const api = app.withTypeProvider();
  api.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', site: deps.store.site, events: deps.store.log.head.seq }));
  api.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
