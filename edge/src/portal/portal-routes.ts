import type {} from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody, NewPortalRequestAnswer, NewPortalRequestBody, PORTAL_LINK_MINUTES, PortalCategories, PortalMe, PortalRequestDetail, PortalRequestParams,
  PortalOrders, PortalRequests, PortalSignInAnswer, PortalSignInBody, PortalTokenBody,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { type CookiePolicy, setSessionCookie } from '../auth/session-cookie.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { DomainError, NotFound } from '../domain-error.ts';
import { portalVisitor } from '../rights/actor.ts';
import { OFFLINE_CATEGORY } from '../devices/offline-watch.ts';
import { rightsOf } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import { portalRequestDetail, portalRequest, portalRequests, readsRequest } from './request-view.ts';
import { tenantOf } from './portal-commands.ts';
import { portalOrders } from './portal-orders.ts';

export interface PortalLimits { perAddress: { max: number; windowMs: number }; perEmail: { max: number; windowMs: number } }
export const defaultPortalLimits: PortalLimits = { perAddress: { max: 20, windowMs: 15 * 60_000 }, perEmail: { max: 5, windowMs: 15 * 60_000 } };

class TooManySignIns extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(retryAfterSeconds: number) {
    super(`too many sign-in links asked for; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 429: ErrorBody };
const tags = ['portal'];

/** The tenant portal: sign-in by a mailed link, the tenant's requests, a new request for their unit. */
export const portalRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler; auth: AuthService; cookies: CookiePolicy; siteName?: string; limits?: PortalLimits }> = async (app, { store, commands, auth, cookies, siteName = store.site, limits = defaultPortalLimits }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false });
  const emailOf = (request: FastifyRequest) => String((request.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase();
  const checks = [
    app.createRateLimit({ max: limits.perAddress.max, timeWindow: limits.perAddress.windowMs, keyGenerator: (r) => `portal-ip:${r.ip}` }),
    app.createRateLimit({ max: limits.perEmail.max, timeWindow: limits.perEmail.windowMs, keyGenerator: (r) => `portal-email:${emailOf(r)}` }),
  ];

  const me = (request: FastifyRequest) => {
    const actor = signedInActor(request);
    const person = tenantOf(store, actor);
    const found = auth.actor(request.cookies.ds_session);
    const unit = person.unit ? store.entries.units.get(person.unit) : undefined;
    return {
      person: person.id, name: person.name, company: actor.company ?? null, role: actor.role === 'tenant_admin' ? 'tenant_admin' as const : 'tenant' as const,
      language: person.language, rights: rightsOf(actor.role), expiresAt: found?.session.expiresAt ?? new Date().toISOString(),
      unit: unit ? {
        id: unit.id, name: unit.name,
        rooms: unit.rooms.map((id) => store.rooms.get(id)).filter((r) => r !== undefined).map((r) => ({ id: r.id, name: r.name, ...(r.names ? { names: r.names } : {}) })),
      } : null,
    };
  };

  api.post('/api/portal/sign-in', {
    schema: { tags, body: PortalSignInBody, response: { 202: PortalSignInAnswer, 400: ErrorBody, 429: ErrorBody },
      description: `Mails a one-time sign-in link (valid ${PORTAL_LINK_MINUTES} minutes) to a tenant known by this address. The answer is the same whether or not the address is known.` },
  }, async (request, reply) => {
    for (const check of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) throw new TooManySignIns(Math.max(1, limit.ttlInSeconds));
    }
    await commands.handle(portalVisitor, { portal: true }, { type: 'send-portal-link', email: request.body.email });
    return reply.code(202).send({ sent: true as const, minutes: PORTAL_LINK_MINUTES });
  });

  api.post('/api/portal/session', {
    schema: { tags, body: PortalTokenBody, response: { 200: PortalMe, ...errors },
      description: 'Spends a sign-in link\'s token (by POST, so a mail scanner\'s preview spends nothing) for a tenant session cookie. A link used twice or after its minutes is refused.' },
  }, async (request, reply) => {
    const { token, expiresAt } = await commands.handle(portalVisitor, { portal: true }, { type: 'spend-portal-link', token: request.body.token });
    setSessionCookie(reply, token, expiresAt, cookies);
    request.cookies.ds_session = token;
    request.actor = auth.actor(token)?.actor ?? null;
    return me(request);
  });

  api.get('/api/portal/me', { config: { right: 'read-requests' }, schema: { tags, response: { 200: PortalMe, ...errors }, description: 'The signed-in tenant: their company, unit and rooms, and what they may do.' } }, async (request) => me(request));

  api.get('/api/portal/requests', { config: { right: 'read-requests' }, schema: { tags, response: { 200: PortalRequests, ...errors }, description: 'The requests the tenant reads: their own and those shared with them; a tenant administrator all of the company\'s.' } }, async (request) => {
    const actor = signedInActor(request);
    return { requests: portalRequests(store, actor).map((t) => portalRequest(store, actor, t)) };
  });

  api.get('/api/portal/requests/:id', { config: { right: 'read-requests' }, schema: { tags, params: PortalRequestParams, response: { 200: PortalRequestDetail, ...errors }, description: 'A request with its status timeline and the replies; never internal notes.' } }, async (request) => {
    const actor = signedInActor(request);
    const ticket = store.tickets.get(request.params.id);
    if (!ticket || !readsRequest(store, actor, ticket)) throw new NotFound('request', request.params.id);
    return portalRequestDetail(store, actor, ticket);
  });

  api.get('/api/portal/categories', { config: { right: 'open-request' }, schema: { tags, response: { 200: PortalCategories, ...errors }, description: 'The categories a new request may be filed under.' } }, async () => ({
    categories: store.directory.categories().filter((c) => c.id !== OFFLINE_CATEGORY)
      .map((c) => ({ id: c.id, name: c.name, ...(c.names ? { names: c.names } : {}) })),
  }));

  api.post('/api/portal/requests', { config: { right: 'open-request' }, schema: { tags, body: NewPortalRequestBody, response: { 201: NewPortalRequestAnswer, ...errors }, description: 'Files a request for a room of the tenant\'s unit.' } }, async (request, reply) => {
    const actor = signedInActor(request);
    const { ticket } = await commands.handle(actor, { room: request.body.room }, { type: 'open-request', ...request.body });
    return reply.code(201).send({ request: portalRequestDetail(store, actor, ticket) });
  });

  api.get('/api/portal/orders', { config: { right: 'read-requests' }, schema: { tags, response: { 200: PortalOrders, ...errors }, description: 'The paid orders the tenant follows (those behind the requests they read, and those booked with their e-mail address), with lines, what is paid and the receipt.' } }, async (request) => ({
    orders: portalOrders(store, signedInActor(request), siteName),
  }));
};
