import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditExportQuery, ErrorBody, TicketExportQuery } from '../contracts/index.ts';
import { auditFilter } from '../audit/audit-filter.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import { visibleScope } from '../rights/visibility.ts';
import { auditColumns } from './audit-csv.ts';
import { CSV_TYPE as CSV, sendCsv } from './csv-document.ts';
import { ticketColumns } from './ticket-csv.ts';

// A string sent with a CSV content type goes out as it is; the schema only documents it.
const responses = { 200: z.string().describe('a CSV document (RFC 4180, UTF-8 with a byte order mark)'), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/**
 * Downloads of the ticket list and the audit trail, with the same filters as the lists.
 * Both are records of the whole site, so both need the right to read its audit trail.
 */
export const exportRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore; clock: () => string }> = async (app, { auth, store, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/exports/tickets.csv', { config: { right: 'read-audit' }, schema: { tags: ['reports'], querystring: TicketExportQuery, produces: [CSV], response: responses } }, async (request, reply) => {
    const actor = signedInActor(request);
    const now = clock();
    const tickets = store.tickets.list({ ...request.query, now, visible: visibleScope(actor) });
    return sendCsv(reply, { site: store.site, what: 'tickets', now }, ticketColumns(now), tickets);
  });

  api.get('/api/exports/audit.csv', { config: { right: 'read-audit' }, schema: { tags: ['reports'], querystring: AuditExportQuery, produces: [CSV], response: responses } }, async (request, reply) => {
    // The newest events that match, in the order they were written.
    const events = store.log.search(auditFilter(request.query)).reverse();
    return sendCsv(reply, { site: store.site, what: 'audit', now: clock() }, auditColumns, events);
  });
};
