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
import { announcementMailer, mayHaveMailedAnnouncement } from './announcement-mailer.ts';
import { mayHaveMailedWorkOrder, workOrderMailer } from './work-order-mailer.ts';
import { linkSealer } from './vendor-link-seal.ts';
import { ReplyAddresses, replySecret } from './reply-address.ts';
import { SmtpListener } from './smtp-listener.ts';
import { portalLinkMailer } from './portal-link-mail.ts';
import { ImapPuller, type ImapPullerOptions, imapUrlForPeople, parseImapUrl } from './imap-puller.ts';
import { ImapTaken } from './imap-taken.sqlite.ts';

export interface MailOptions {
  /** The SMTP listener's port (`DOORSIDE_SMTP_PORT`); `null`: no listener. */
  smtpPort: number | null;
  /** `DOORSIDE_MAIL_DOMAIN`; absent: `{site}.doorside.local`. */
  domain?: string;
  /** `DOORSIDE_SMTP_URL`; absent: outgoing mail is written to `{data}/outbox/`. */
  smtpUrl?: string;
  /** Where a new inquiry is filed when neither its sender (a directory person's unit) nor its subject names a room; absent: the site's first room and the `supplies` category. */
  room?: string;
  category?: string;
  /** `DOORSIDE_IMAP_URL`: a mailbox pulled besides (or instead of) the listener; the rest tunes it (tests). */
  imap?: { url: string } & Partial<Pick<ImapPullerOptions, 'recheckMs' | 'backoff' | 'idle' | 'flagSeen'>>;
}

export interface GatewayMail {
  inbound: InboundMail;
  sender: OutboxSender;
  rows: MailRows;
  addresses: ReplyAddresses;
  files: MailAttachmentStore;
  /** `host:port` of the SMTP listener, when it runs. */
  smtp: string | null;
  /** The IMAP mailbox pulled, without its password, when one is. */
  imap: string | null;
  outbox: string | null;
  close(): Promise<void>;
}

export interface MailDeps { store: SiteStore; commands: CommandHandler; metrics: Metrics; publicAddress: PublicAddress; siteName: string; site: string; dataDir: string; host: string; clock: () => string; files?: MailAttachmentStore; say?: (line: string) => void }

/** Mail in (SMTP listener, IMAP mailbox) and out (the outbox), wired to the site's one command handler. */
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
    loopId: addresses.inbox, clock: deps.clock, queued: () => void sender.kick(), defused: counters.defused,
    inquiryHome: () => ({ room: options.room ?? [...deps.store.rooms.all()].sort((a, b) => a.id.localeCompare(b.id))[0]!.id, category: options.category ?? 'supplies' }),
  });
  sender.start();
  // Replies and status notices are queued inside the command's transaction and sent once it commits.
  const unhook = deps.commands.within(reporterMailer({ store: deps.store, rows, addresses, publicAddress: deps.publicAddress, siteName: deps.siteName, loopId: addresses.inbox }));
  const unhookPortal = deps.commands.within(portalLinkMailer({ store: deps.store, rows, addresses, publicAddress: deps.publicAddress, siteName: deps.siteName, loopId: addresses.inbox }));
  const unhookAnnouncements = deps.commands.within(announcementMailer({ store: deps.store, rows, addresses, siteName: deps.siteName, loopId: addresses.inbox }));
  // Vendor links are sealed from now on, so the reminders this mailer sends carry them.
  deps.store.workOrders.sealer = linkSealer(deps.dataDir);
  const unhookWorkOrders = deps.commands.within(workOrderMailer({ store: deps.store, rows, addresses, siteName: deps.siteName, loopId: addresses.inbox, publicAddress: deps.publicAddress }));
  const unlisten = deps.store.onCommit(({ changes }) => {
    if (changes.some(mayHaveMailedAnnouncement) || changes.some(mayHaveMailedWorkOrder)) void sender.kick();
    if (changes.some((c) => mayHaveMailed(c) || c.type === 'portal-link-sent')) void sender.kick();
  });
  const smtp = options.smtpPort === null ? null : await SmtpListener.start({
    host: deps.host, port: options.smtpPort, addresses, receive: (raw, envelope) => inbound.receive(raw, envelope),
    onAccepted: counters.accepted, onRefused: counters.refused,
  }).catch(async (error) => {
    unhook();
    unhookPortal();
    unhookAnnouncements();
    unhookWorkOrders();
    unlisten();
    await sender.stop();
    throw error;
  });
  // Started after the listener, so a listener that cannot bind leaves nothing running; it never waits for the server.
  const imap = options.imap ? new ImapPuller({
    source: parseImapUrl(options.imap.url), taken: new ImapTaken(deps.store.db), clock: deps.clock,
    receive: (raw, envelope, takenIn) => inbound.receive(raw, envelope, takenIn),
    onTaken: counters.accepted, onFailure: counters.imapFailed, say: deps.say ?? (() => {}),
    ...(options.imap.recheckMs ? { recheckMs: options.imap.recheckMs } : {}),
    ...(options.imap.backoff ? { backoff: options.imap.backoff } : {}),
    ...(options.imap.idle === undefined ? {} : { idle: options.imap.idle }),
    ...(options.imap.flagSeen === undefined ? {} : { flagSeen: options.imap.flagSeen }),
  }) : null;
  imap?.start();
  return {
    inbound, sender, rows, addresses, files, smtp: smtp?.address ?? null, outbox: options.smtpUrl ? null : outboxDir,
    imap: options.imap ? imapUrlForPeople(options.imap.url) : null,
    async close() {
      await imap?.stop();
      await smtp?.close();
      unhook();
      unhookPortal();
      unhookAnnouncements();
      unhookWorkOrders();
      unlisten();
      await sender.stop();
    },
  };
}
