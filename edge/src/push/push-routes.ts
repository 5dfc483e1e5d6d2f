import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PushEndpointBody, PushKey, PushState, PushSubscriptionBody } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Invalid } from '../domain-error.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };
const tags = ['push'];

/** Web Push: the site's VAPID public key, and turning push on and off for the signed-in person's browser. */
export const pushRoutes: FastifyPluginAsync<{ commands: CommandHandler; publicKey: string }> = async (app, { commands, publicKey }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/push/key', { schema: { tags, response: { 200: PushKey }, description: 'The site\'s VAPID public key, for `PushManager.subscribe`.' } }, async () => ({ publicKey }));

  api.post('/api/push/subscriptions', {
    config: { right: 'subscribe-push' },
    schema: { tags, body: PushSubscriptionBody, response: { 200: PushState, ...errors }, description: 'Turns Web Push on for this browser: a staff member is pushed a job given to them and a rejection of their work; a tenant a reply to their request and its new status.' },
  }, async (request) => {
    const { endpoint, keys } = request.body;
    if (!endpoint.startsWith('https://')) throw new Invalid('BAD_PUSH_ENDPOINT', 'a push endpoint is an https URL', { endpoint });
    const actor = signedInActor(request);
    return commands.handle(actor, { pushOwner: actor.ref }, { type: 'subscribe-push', endpoint, p256dh: keys.p256dh, auth: keys.auth });
  });

  api.post('/api/push/subscriptions/remove', {
    config: { right: 'subscribe-push' },
    schema: { tags, body: PushEndpointBody, response: { 200: PushState, ...errors }, description: 'Turns Web Push off for this browser.' },
  }, async (request) => {
    const actor = signedInActor(request);
    return commands.handle(actor, { pushOwner: actor.ref }, { type: 'unsubscribe-push', endpoint: request.body.endpoint });
  });
};
