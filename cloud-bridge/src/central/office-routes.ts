import type {} from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Unauthorized } from '@doorside/edge/http';
import { CommandState, NewCentralCommand, SiteParams } from '../protocol.ts';
import type { CommandInbox } from './command-inbox.ts';
import { SiteNotGranted } from './errors.ts';
import {
  AlertsAnswer, ArchivedEventsAnswer, ArchivedEventsQuery, KpisAnswer, LoginBody, OfficeAuthState, OfficeSessionView, SiteEventsAnswer, SiteEventsQuery, SiteQuery, SitesAnswer, TicketsAnswer, TicketsQuery,
} from './office-contract.ts';
import { type OfficeDirectory, type OfficeSession, type OfficeUser, visibleSites } from './office-directory.ts';
import type { OfficeViews } from './office-views.ts';
import type { SiteLog } from './site-log.ts';

export const OFFICE_COOKIE = 'ds_central_session';

export interface OfficeRoutesOptions {
  directory: OfficeDirectory;
  views: OfficeViews;
  log: SiteLog;
  commands: CommandInbox;
  clock: () => string;
  secureCookies: boolean;
}

/** The session cookie, as the OpenAPI document names it. */
const officeSession = [{ officeSession: [] }];
const view = (s: OfficeSession) => ({ user: s.user.username, role: s.user.role, sites: s.user.sites, expiresAt: s.expiresAt });

/** Head office and site managers: sign-in, the cross-site views, commands for a site. */
export const officeRoutes: FastifyPluginAsync<OfficeRoutesOptions> = async (app, { directory, views, log, commands, clock, secureCookies }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookie = { httpOnly: true, sameSite: 'strict' as const, secure: secureCookies, path: '/' };

  async function signedIn(request: FastifyRequest): Promise<OfficeUser> {
    const session = await directory.session(request.cookies[OFFICE_COOKIE], clock());
    if (!session) throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in first: no valid session');
    return session.user;
  }
  async function mayOpen(request: FastifyRequest, site: string): Promise<OfficeUser> {
    const user = await signedIn(request);
    if (user.sites !== null && !user.sites.includes(site)) throw new SiteNotGranted(site);
    return user;
  }
  const clear = (reply: FastifyReply) => reply.clearCookie(OFFICE_COOKIE, cookie);

  api.post('/api/auth/login', { schema: { tags: ['office'], description: 'Signs head office or a site manager in: sets the session cookie.', body: LoginBody, response: { 200: OfficeSessionView } } }, async (request, reply) => {
    const { token, session } = await directory.login(request.body.username, request.body.password, clock());
    reply.setCookie(OFFICE_COOKIE, token, { ...cookie, expires: new Date(session.expiresAt) });
    return view(session);
  });

  api.post('/api/auth/logout', { schema: { tags: ['office'], description: 'Ends the session and clears its cookie.', response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    const token = request.cookies[OFFICE_COOKIE];
    if (token) await directory.logout(token);
    clear(reply);
    return { ok: true as const };
  });

  api.get('/api/auth/session', { schema: { tags: ['office'], security: officeSession, description: 'The signed-in user, their role and the sites they see; 401 without a session.', response: { 200: OfficeSessionView } } }, async (request) => {
    const session = await directory.session(request.cookies[OFFICE_COOKIE], clock());
    if (!session) throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in first: no valid session');
    return view(session);
  });

  // What the page asks before anyone signed in: always 200, so a signed-out page logs no error.
  api.get('/api/auth/state', { schema: { tags: ['office'], description: 'Whether the caller is signed in, and as whom; never a 401.', response: { 200: OfficeAuthState } } }, async (request) => {
    const session = await directory.session(request.cookies[OFFICE_COOKIE], clock());
    return session ? { signedIn: true as const, session: view(session) } : { signedIn: false as const };
  });

  api.get('/api/sites', { schema: { tags: ['office'], security: officeSession, description: 'Every site the user sees: the central cursor, sync lag, whether its agent reports (`link`), device health and alerts.', response: { 200: SitesAnswer } } }, async (request) => {
    const user = await signedIn(request);
    return { sites: await views.sites(user.sites, clock()) };
  });

  api.get('/api/sites/:site/events', { schema: { tags: ['office'], security: officeSession, description: 'A site\'s audit trail as the central copy holds it, newest first, searchable by type, entity and actor.', params: SiteParams, querystring: SiteEventsQuery, response: { 200: SiteEventsAnswer } } }, async (request) => {
    const { site } = request.params;
    await mayOpen(request, site);
    const cursor = await log.cursor(site);
    const rows = await log.events(site, request.query);
    return {
      site, cursor,
      events: rows.map((r) => ({ seq: r.seq, site, at: r.at, actor: r.actor, type: r.type, entity: r.entity, state: JSON.parse(r.state) as unknown, prevHash: r.prev_hash, hash: r.hash })),
    };
  });

  api.get('/api/sites/:site/archived-events', {
    schema: { tags: ['office'], security: officeSession, description: 'What a restore from a backup set aside: the events the central copy held beyond the backup\'s head.', params: SiteParams, querystring: ArchivedEventsQuery, response: { 200: ArchivedEventsAnswer } },
  }, async (request) => {
    const { site } = request.params;
    await mayOpen(request, site);
    await log.cursor(site);
    const { limit, offset } = request.query;
    const { total, events } = await log.archived(site, limit, offset);
    return { site, total, events, next: offset + events.length < total ? offset + events.length : null };
  });

  api.get('/api/tickets', { schema: { tags: ['office'], security: officeSession, description: 'Tickets across the sites the user sees, projected from each site\'s ticket events.', querystring: TicketsQuery, response: { 200: TicketsAnswer } } }, async (request) => {
    const user = await signedIn(request);
    const { site, ...filter } = request.query;
    return { tickets: await views.tickets({ ...filter, sites: visibleSites(user, site) }, clock()) };
  });

  api.get('/api/kpis', { schema: { tags: ['office'], security: officeSession, description: 'Figures per site: open tickets by status, mean time to resolve, service-level breaches, rejection rate, average rating.', querystring: SiteQuery, response: { 200: KpisAnswer } } }, async (request) => {
    const user = await signedIn(request);
    return { sites: await views.kpis(visibleSites(user, request.query.site), clock()) };
  });

  api.get('/api/alerts', { schema: { tags: ['office'], security: officeSession, description: 'Alerts per site: a broken chain, a log cut back at its tail.', querystring: SiteQuery, response: { 200: AlertsAnswer } } }, async (request) => {
    const user = await signedIn(request);
    return { alerts: await log.alerts(visibleSites(user, request.query.site)) };
  });

  api.post('/api/sites/:site/commands', { schema: { tags: ['office'], security: officeSession, description: 'A command for a site (reassign, a room\'s status, a category\'s rejection policy, a vendor\'s acceptance): held until the site\'s agent fetches it; the site\'s own rules decide.', params: SiteParams, body: NewCentralCommand, response: { 200: CommandState } } }, async (request) => {
    const { site } = request.params;
    const user = await mayOpen(request, site);
    await log.cursor(site);
    const id = randomUUID();
    await commands.enqueue(site, { ...request.body, id, by: `central:${user.username}` }, clock());
    return commands.state(id);
  });

  api.get('/api/commands/:id', { schema: { tags: ['office'], security: officeSession, description: 'Where a command stands: pending, applied (with the site\'s event) or refused (with the rules\' reason).', params: z.strictObject({ id: z.string().uuid() }), response: { 200: CommandState } } }, async (request) => {
    const user = await signedIn(request);
    const { site, command } = await commands.locate(request.params.id);
    if (user.sites !== null && !user.sites.includes(site)) throw new SiteNotGranted(site);
    return command;
  });
};
