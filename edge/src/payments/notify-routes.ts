import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, ProviderParams } from '../contracts/index.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Refusal } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import type { Providers } from './provider.ts';

/** A provider's notice is taken in the name of the provider whose signature it bears. */
export const providerActor = (provider: string): Actor => ({ ref: `provider:${provider}`, user: null, role: 'system', teams: [], room: null });

export const NOTICE_BODY_LIMIT = 64 * 1024;

/**
 * Where payment providers call: `POST /api/payments/notify/{provider}`. The body is kept as
 * sent (the signature covers its bytes), checked by the provider's rules, and taken through
 * the one command path; the answer is the provider's own word for "received".
 */
export const notifyRoutes: FastifyPluginAsync<{ providers: Providers; commands: CommandHandler; clock: () => string }> = async (app, { providers, commands, clock }) => {
  // Only in this plugin: every body is read as text, whatever its type (WeChat sends JSON, Alipay a form).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: NOTICE_BODY_LIMIT }, (_request, body, done) => done(null, body));
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/payments/notify/:provider', {
    schema: {
      // The provider's own format, kept as text: WeChat Pay and the simulated provider send JSON, Alipay a form.
      tags: ['payments'], params: ProviderParams, consumes: ['*/*'], body: z.string().max(NOTICE_BODY_LIMIT),
      response: { 200: z.string(), 204: z.null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      description: 'A payment provider\'s notification (simulated, wechat: WeChat Pay v3; alipay: form-encoded RSA2). Checked (signature by the serial\'s key, a timestamp within 5 minutes, the body unaltered), taken once however often it comes; an amount that does not match the order is flagged, not taken. Answered in the provider\'s own terms; a notice that fails its check gets 401 and changes nothing.',
    },
  }, async (request, reply) => {
    const provider = providers.get(request.params.provider);
    if (!provider) throw new Refusal('PROVIDER_NOT_SET_UP', `this site takes no ${request.params.provider} payments`, { provider: request.params.provider });
    const notice = provider.verify({ headers: request.headers, body: request.body }, new Date(clock()));
    await commands.handle(providerActor(provider.id), { provider: provider.id }, { type: 'take-payment-notice', notice });
    reply.code(provider.received.status as 200 | 204).type(provider.received.type);
    return provider.received.status === 204 ? null : provider.received.body;
  });
};
