import type { FastifyPluginAsync } from 'fastify';
import { NotFound } from '@doorside/edge/http';
import { noticeCommandId, type Providers, registerNoticeRoute, siteOfTrade } from '@doorside/edge/payments';
import type { CommandInbox } from './command-inbox.ts';
import type { SiteLog } from './site-log.ts';

/**
 * The public address payment providers call. The central server checks a notice exactly as
 * a site would (signature, key serial, timestamp, body) and holds it as a command for the
 * site its trade number names; the site takes it through its own rules, once.
 */
export const paymentNotifyRoutes: FastifyPluginAsync<{ providers: Providers; commands: CommandInbox; log: SiteLog; clock: () => string }> = async (app, { providers, commands, log, clock }) => {
  registerNoticeRoute(app, {
    providers, clock,
    description: 'A payment provider\'s notification for one of the sites (its trade number names the site): checked, then held as a command for the site, which takes it once. A notice that fails its check gets 401 and nothing is held.',
    take: async (provider, notice) => {
      const site = siteOfTrade(notice.tradeNo);
      if (!site || !(await log.keyHash(site))) throw new NotFound('site', site ?? notice.tradeNo);
      await commands.enqueueOnce(site, { id: noticeCommandId(notice), type: 'payment-notice', by: `provider:${provider.id}`, notice }, clock());
    },
  });
};
