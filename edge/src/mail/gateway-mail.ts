import { join } from 'node:path';
import type { CommandHandler } from '../commands/handler.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { SiteStore } from '../store/site-store.ts';
import { InboundMail } from './inbound-mail.ts';
import { MailAttachmentStore } from './mail-attachment-store.ts';
import { mailMetrics } from './mail-metrics.ts';
import { MailRows } from './mail-rows.sqlite.ts';
import { OutboxSender } from './outbox-sender.ts';
import { mayHaveMailed, reporterMailer } from './reporter-mailer.ts';
import { ReplyAddresses, replySecret } from './reply-address.ts';
import { SmtpListener } from './smtp-listener.ts';

export interface MailOptions {
  /** The SMTP listener's port (`DOORSIDE_SMTP_PORT`); `null`: no listener. */
  smtpPort: number | null;
  /** `DOORSIDE_MAIL_DOMAIN`; absent: `{site}.doorside.local`. */
  domain?: string;
  /** `DOORSIDE_SMTP_URL`; absent: outgoing mail is written to `{data}/outbox/`. */
  smtpUrl?: string;
  /** Where a new inquiry is filed; absent: the site's first room and the `supplies` category. */
  room?: string;
  category?: string;
}

export interface GatewayMail {
  inbound: InboundMail;
  sender: OutboxSender;
  rows: MailRows;
  addresses: ReplyAddresses;
  files: MailAttachmentStore;
  /** `host:port` of the SMTP listener, when it runs. */
  smtp: string | null;
  outbox: string | null;
  close(): Promise<void>;
}

export interface MailDeps { store: SiteStore; commands: CommandHandler; metrics: Metrics; publicAddress: PublicAddress; siteName: string; site: string; dataDir: string; host: string; clock: () => string; files?: MailAttachmentStore }

/** Mail in (SMTP listener) and out (the outbox), wired to the site's one command handler. */
export async function startMail(options: MailOptions, deps: MailDeps): Promise<GatewayMail> {
  const rows = new MailRows(deps.store.db);
  const addresses = new ReplyAddresses(replySecret(deps.store.meta), options.domain ?? `${deps.site}.doorside.local`);
  const counters = mailMetrics(deps.metrics.registry);
  const outboxDir = join(deps.dataDir, 'outbox');
  const sender = new OutboxSender(rows, {
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}), dir: outboxDir, clock: deps.clock, onSent: counters.sent, onFailed: counters.sendFailed,
  });
  const files = deps.files ?? new MailAttachmentStore(join(deps.dataDir, 'mail-attachments'));
  const inbound = new InboundMail({
    store: deps.store, commands: deps.commands, rows, addresses, files, publicAddress: deps.publicAddress, siteName: deps.siteName,
    loopId: addresses.inbox, clock: deps.clock, queued: () => void sender.kick(),
    inquiryHome: () => ({ room: options.room ?? [...deps.store.rooms.all()].sort((a, b) => a.id.localeCompare(b.id))[0]!.id, category: options.category ?? 'supplies' }),
  });
  sender.start();
  // Replies and status notices are queued inside the command's transaction and sent once it commits.
  const unhook = deps.commands.within(reporterMailer({ store: deps.store, rows, addresses, publicAddress: deps.publicAddress, siteName: deps.siteName, loopId: addresses.inbox }));
  const unlisten = deps.store.onCommit(({ changes }) => {
    if (changes.some(mayHaveMailed)) void sender.kick();
  });
  const smtp = options.smtpPort === null ? null : await SmtpListener.start({
    host: deps.host, port: options.smtpPort, addresses, receive: (raw, envelope) => inbound.receive(raw, envelope),
    onAccepted: counters.accepted, onRefused: counters.refused,
  }).catch(async (error) => {
    unhook();
    unlisten();
    await sender.stop();
    throw error;
  });
  return {
    inbound, sender, rows, addresses, files, smtp: smtp?.address ?? null, outbox: options.smtpUrl ? null : outboxDir,
    async close() {
      await smtp?.close();
      unhook();
      unlisten();
      await sender.stop();
    },
  };
}
