import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, type PaymentNotice, ProviderParams } from '../contracts/index.ts';
import { Refusal } from '../domain-error.ts';
import type { PaymentProvider, Providers } from './provider.ts';

export const NOTICE_BODY_LIMIT = 64 * 1024;

export interface NoticeRouteOptions {
  providers: Providers;
  clock: () => string;
  description: string;
  /** What becomes of a notice that checked: taken by the site's rules, or held for the site it names. */
  take(provider: PaymentProvider, notice: PaymentNotice): Promise<void>;
}

/**
 * `POST /api/payments/notify/{provider}`, where payment providers call, on a site or a central
 * server alike: the body kept as sent (the signature covers its bytes), checked by the
 * provider's rules, handed on, and answered in the provider's own word for "received".
 * Register it in a plugin of its own: every body there is read as text, whatever its type.
 */
export function registerNoticeRoute(app: FastifyInstance, { providers, clock, description, take }: NoticeRouteOptions): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: NOTICE_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.withTypeProvider<ZodTypeProvider>().post('/api/payments/notify/:provider', {
    schema: {
      // The provider's own format, kept as text: WeChat Pay and the simulated provider send JSON, Alipay a form.
      tags: ['payments'], params: ProviderParams, consumes: ['*/*'], body: z.string().max(NOTICE_BODY_LIMIT),
      response: { 200: z.string(), 204: z.null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      description,
    },
  }, async (request, reply) => {
    const provider = providers.get(request.params.provider);
    if (!provider) throw new Refusal('PROVIDER_NOT_SET_UP', `no ${request.params.provider} payments are taken here`, { provider: request.params.provider });
    await take(provider, provider.verify({ headers: request.headers, body: request.body }, new Date(clock())));
    reply.code(provider.received.status as 200 | 204).type(provider.received.type);
    return provider.received.status === 204 ? null : provider.received.body;
  });
}
