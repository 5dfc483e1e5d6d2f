import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditQuery, ErrorBody, EventsQuery, LoggedEvent, VerifyResult } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteStore } from '../store/site-store.ts';
import { auditFilter } from './audit-filter.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export const auditRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore }> = async (app, { auth, store }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/events', { config: { right: 'read-audit' }, schema: { tags: ['audit'], querystring: EventsQuery, response: { 200: z.object({ events: z.array(LoggedEvent), head: z.number() }), ...errors } } }, async (request) => {
    return { events: store.log.after(request.query.after, request.query.limit), head: store.log.head.seq };
  });

  api.get('/api/events/verify', { config: { right: 'read-audit' }, schema: { tags: ['audit'], response: { 200: VerifyResult, ...errors } } }, async (request) => {
    return store.log.verify();
  });

  api.get('/api/audit', { config: { right: 'read-audit' }, schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: z.object({ events: z.array(LoggedEvent) }), ...errors } } }, async (request) => {
    return { events: store.log.search(auditFilter(request.query)) };
  });
};
