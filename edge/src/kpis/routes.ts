import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, KpiQuery, KpiReport } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteStore } from '../store/site-store.ts';
import { ticketFacts } from './kpi-facts.sqlite.ts';
import { kpiReport } from './kpi-report.ts';
import { kpiWindow } from './kpi-window.ts';
import { breachFigures } from '../service-levels/breach-figures.ts';
import { vendorFigures } from './vendor-figures.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** The facility figures: for those who oversee the whole site, the same people who read its audit trail. */
export const kpiRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore; clock: () => string }> = async (app, { auth, store, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/kpis', { config: { right: 'read-audit' }, schema: { tags: ['reports'], querystring: KpiQuery, response: { 200: KpiReport, ...errors } } }, async (request) => {
    const now = clock();
    const window = kpiWindow(request.query, now);
    const breaches = breachFigures(store.slaEscalations.breachFacts(window.from, window.to, Date.parse(now)));
    const vendors = vendorFigures(store.workOrders.sentBetween(window.from, window.to), store.workOrders.vendors());
    const revenue = { currency: store.services.settings().currency, ...store.orders.money(window.from, window.to) };
    return { ...kpiReport(ticketFacts(store.db, window), store.tickets.countByStatus(), window, now), breaches, vendors, revenue };
  });
};
