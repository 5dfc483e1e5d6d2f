import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, Statement, StatementCompanies, StatementQuery } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { companiesOf, statementOf } from './statement.ts';
import { statementCsv, statementPdf } from './statement-documents.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['payments'];
const CSV = 'text/csv; charset=utf-8';
const PDF = 'application/pdf';
const Month = z.strictObject({ month: StatementQuery.shape.month });
const PdfQuery = StatementQuery.extend({ lang: z.enum(['en', 'nb', 'nl', 'zh']).default('en') });
const fileName = (site: string, company: string, month: string, ext: string) =>
  `attachment; filename="statement-${site}-${company.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'company'}-${month}.${ext}"`;

/** Company accounts: who was charged in a month, and each company's statement as JSON, CSV and PDF. */
export const statementRoutes: FastifyPluginAsync<{ store: SiteStore; siteName: string }> = async (app, { store, siteName }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const statement = (q: z.infer<typeof StatementQuery>) => statementOf(q.company, q.month, store.payments.companyMonth(q.company, q.month));

  api.get('/api/payments/statements', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: Month, response: { 200: StatementCompanies, ...errors }, description: 'The companies charged to their account in the month, with the number of charges and what they owe.' },
  }, async (request) => ({ month: request.query.month, companies: companiesOf(store.payments.companiesIn(request.query.month)) }));

  api.get('/api/payments/statement', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: StatementQuery, response: { 200: Statement, ...errors }, description: 'One company\'s monthly statement: every charge to its account, refunds, and the total owed.' },
  }, async (request) => statement(request.query));

  api.get('/api/payments/statement.csv', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: StatementQuery, produces: [CSV], response: { 200: z.string().describe('a CSV document (UTF-8 with a byte order mark)'), ...errors }, description: 'The statement as CSV, amounts in major units.' },
  }, async (request, reply) => reply.type(CSV).header('content-disposition', fileName(store.site, request.query.company, request.query.month, 'csv')).send(statementCsv(statement(request.query))));

  api.get('/api/payments/statement.pdf', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: PdfQuery, produces: [PDF], response: { 200: z.any().describe('a PDF document'), ...errors }, description: 'The statement as PDF (`lang` en, nb, nl or zh; zh is printed with a CJK font from the machine, in English where none is installed).' },
  }, async (request, reply) => {
    const { lang, ...query } = request.query;
    const pdf = await statementPdf(statement(query), siteName, lang);
    return reply.type(PDF).header('content-disposition', fileName(store.site, query.company, query.month, 'pdf')).send(pdf);
  });
};
