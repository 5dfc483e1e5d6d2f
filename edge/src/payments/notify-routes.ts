import type { FastifyPluginAsync } from 'fastify';
import type { CommandHandler } from '../commands/handler.ts';
import type { Actor } from '../rights/actor.ts';
import { registerNoticeRoute } from './notice-route.ts';
import type { Providers } from './provider.ts';

export { NOTICE_BODY_LIMIT } from './notice-route.ts';

/** A provider's notice is taken in the name of the provider whose signature it bears. */
export const providerActor = (provider: string): Actor => ({ ref: `provider:${provider}`, user: null, role: 'system', teams: [], room: null });

/** Where payment providers call a site that takes its notices itself: each is taken through the one command path. */
export const notifyRoutes: FastifyPluginAsync<{ providers: Providers; commands: CommandHandler; clock: () => string }> = async (app, { providers, commands, clock }) => {
  registerNoticeRoute(app, {
    providers, clock,
    description: 'A payment provider\'s notification (simulated, wechat: WeChat Pay v3; alipay: form-encoded RSA2). Checked (signature by the serial\'s key, a timestamp within 5 minutes, the body unaltered), taken once however often it comes; an amount that does not match the order is flagged, not taken. Answered in the provider\'s own terms; a notice that fails its check gets 401 and changes nothing.',
    take: async (provider, notice) => {
      await commands.handle(providerActor(provider.id), { provider: provider.id }, { type: 'take-payment-notice', notice });
    },
  });
};
