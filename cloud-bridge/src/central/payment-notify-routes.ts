import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '@doorside/edge/http';
import { NOTICE_BODY_LIMIT, noticeCommandId, type Providers, siteOfTrade } from '@doorside/edge/payments';
import { ErrorBody, ProviderParams } from '@doorside/edge/contracts';
import type { CommandInbox } from './command-inbox.ts';
import type { SiteLog } from './site-log.ts';

/**
 * The public address payment providers call. The central server checks a notice exactly as
 * a site would (signature, key serial, timestamp, body) and holds it as a command for the
 * site its trade number names; the site takes it through its own rules, once.
 */
export const paymentNotifyRoutes: FastifyPluginAsync<{ providers: Providers; commands: CommandInbox; log: SiteLog; clock: () => string }> = async (app, { providers, commands, log, clock }) => {
  // The signature covers the body's bytes: keep it as sent, whatever its type (JSON or a form).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: NOTICE_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/payments/notify/:provider', {
    schema: {
      tags: ['payments'], params: ProviderParams, consumes: ['*/*'], body: z.string().max(NOTICE_BODY_LIMIT),
      response: { 200: z.string(), 204: z.null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      description: 'A payment provider\'s notification for one of the sites (its trade number names the site): checked, then held as a command for the site, which takes it once. A notice that fails its check gets 401 and nothing is held.',
    },
  }, async (request, reply) => {
    const provider = providers.get(request.params.provider);
    if (!provider) throw new NotFound('provider', request.params.provider);
    const notice = provider.verify({ headers: request.headers, body: request.body }, new Date(clock()));
    const site = siteOfTrade(notice.tradeNo);
    if (!site || !(await log.keyHash(site))) throw new NotFound('site', site ?? notice.tradeNo);
    await commands.enqueueOnce(site, { id: noticeCommandId(notice), type: 'payment-notice', by: `provider:${provider.id}`, notice }, clock());
    reply.code(provider.received.status as 200 | 204).type(provider.received.type);
    return provider.received.status === 204 ? null : provider.received.body;
  });
};
