import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DocumentStore } from './attachments/document-store.ts';
import { PhotoStore } from './attachments/photo-store.ts';
import { AuthService } from './auth/auth-service.ts';
import { GatewayBroker } from './broker/broker.aedes.ts';
import { ExternalBroker } from './broker/broker.external.ts';
import type { DeviceBus, DeviceBusHandlers } from './broker/device-bus.ts';
import { DevicePresence } from './broker/device-presence.ts';
import { SiteSignals } from './broker/site-signals.ts';
import { DeviceEvents } from './devices/device-events.ts';
import { discoveryMessages, HOME_ASSISTANT_USER } from './devices/home-assistant.ts';
import { integrationAccount } from './devices/integration-account.ts';
import { OFFLINE_CATEGORY, OfflineWatch } from './devices/offline-watch.ts';
import { ensureBridgeKey } from './bridge/bridge-key.ts';
import { attachGpioPanel } from './gpio/gateway-gpio-panel.ts';
import { startAutoDispatch } from './dispatch/auto-dispatch.ts';
import { startStockAlerts } from './stock/stock-alerts.ts';
import { startPaidDisposal } from './stock/paid-disposal.ts';
import { ensureVapidKeys } from './push/vapid-keys.ts';
import { startPushSender } from './push/push-sender.ts';
import { startAnnouncementClock } from './announcements/announcement-clock.ts';
import { primeRoomAnnouncements, publishRoomAnnouncements } from './announcements/room-announcements.ts';
import { startHoldExpiry } from './orders/hold-expiry.ts';
import { startReminderClock } from './work-orders/reminder-clock.ts';
import { orderFollowsTicket } from './orders/order-follows-ticket.ts';
import { orderFollowsPayments } from './orders/order-follows-payments.ts';
import { ledgerPayments } from './orders/ledger-payments.ts';
import { noPaymentProvider, type OrderPayments, refundDue } from './orders/order-payments.ts';
import { ScheduleGenerator } from './schedules/schedule-generator.ts';
import { ensureCategory } from './seed/ensure-category.ts';
import { buildApp, stopServing } from './app.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import type { ReportLimits } from './rooms/report-rate-limit.ts';
import type { PortalLimits } from './portal/portal-routes.ts';
import { addMailCredentials, addVendorCredentials, credentialsFor, type DemoCredentials, refreshCredentials, writeCredentials } from './seed/demo-credentials.ts';
import { seedDemo } from './seed/seed-demo.ts';
import type { SecretCost } from './auth/passwords.ts';
import { slaKeeper } from './service-levels/sla-keeper.ts';
import { startMissingClocks } from './service-levels/missing-clocks.ts';
import { EscalationClock } from './service-levels/escalation-clock.ts';
import { seedDemoInquiries } from './seed/demo-inquiries.ts';
import { seedDemoStock } from './seed/demo-stock.ts';
import { seedDemoServices } from './seed/demo-services.ts';
import { seedDemoServiceLevels } from './seed/demo-service-levels.ts';
import { seedDemoOrders } from './seed/demo-orders.ts';
import { seedDemoDocuments } from './seed/demo-documents.ts';
import { seedDemoSurveys } from './seed/demo-surveys.ts';
import { seedDemoWorkOrders } from './seed/demo-work-orders.ts';
import { openDatabase } from './store/database.sqlite.ts';
import { FolderLock } from './store/folder-lock.sqlite.ts';
import { DailyBackups } from './backup/daily-backups.ts';
import { SiteStore } from './store/site-store.ts';
import { startWalCheckpointer } from './store/wal-checkpointer.ts';
import { CommandHandler } from './commands/handler.ts';
import { privateDataFolder } from './data-folder.ts';
import { siteCommandModules } from './command-modules.ts';
import { PublicAddress } from './http/public-address.ts';
import { type GatewayMail, type MailOptions, startMail } from './mail/gateway-mail.ts';
import { MailAttachmentStore } from './mail/mail-attachment-store.ts';
import { type PaymentOptions, paymentSettings } from './payments/payment-options.ts';
import { providersFrom } from './payments/provider-setup.ts';
import { startProviderRefunds, startRefundChecks } from './payments/provider-calls.ts';

export interface GatewayOptions {
  site: string;
  host: string;
  httpPort: number;
  mqttPort: number;
  dataDir: string;
  cookieSecure?: boolean;
  log?: boolean;
  clock?: () => string;
  reportLimits?: ReportLimits;
  portalLimits?: PortalLimits;
  connectTimeoutMs?: number;
  /** Minutes a sign or panel may be offline before the facility team gets a ticket. */
  offlineAlertMinutes?: number;
  /** A GPIO door panel config file (BCM pin numbers) for a panel wired to the gateway itself. */
  gpioConfig?: string;
  /** Where start-up notes go (the GPIO driver in use, say). */
  say?: (line: string) => void;
  /** Publish Home Assistant discovery configs and give it an MQTT account of its own. */
  homeAssistant?: boolean;
  /** Join an existing broker instead of embedding one. */
  externalBroker?: { url: string; username: string; password: string };
  /** Origins besides the gateway's own whose pages may open the live feed (`DOORSIDE_ALLOWED_ORIGINS`). */
  allowedOrigins?: readonly string[];
  /** Where phones and devices reach the gateway (`DOORSIDE_PUBLIC_URL`); absent: the listening address. */
  publicUrl?: string;
  /** The site's name as printed for people (`DOORSIDE_SITE_NAME`); absent: the site id. */
  siteName?: string;
  /** Lookups of a room's short code per address and window (`/r/{code}`). */
  shortLinkLimit?: { max: number; windowMs: number };
  /** Take a backup a day into `{dataDir}/backups`, keeping this many. */
  backups?: { keep: number };
  /** A new demo site also gets tenants, installations and a few inquiries (`npm start`; tests leave them out). */
  demoInquiries?: boolean;
  /** A new demo site also gets a store room of consumables with opening stock (`npm start`; tests ask for it). */
  demoStock?: boolean;
  /** A new demo site also gets Oslo working hours, service-level targets, escalation, schedules and a threshold (`npm start`; tests ask for it). */
  demoServiceLevels?: boolean;
  /** A few paid-service orders in different states (`npm start`). */
  demoOrders?: boolean;
  /** A new demo site also gets two vendors and an open work order, its vendor link in the credentials file (`npm start`; tests ask for it). */
  demoWorkOrders?: boolean;
  /** How a new demo site's passwords and PINs are hashed (default `standard`); sites made and thrown away by automated checks take `light`. */
  demoSecretCost?: SecretCost;
  /** Run the schedule generator every minute (default); tests that drive its clock turn it off and call `tick`. */
  scheduleTicks?: boolean;
  /** Look for breached service levels every half minute (default); tests that drive the clock turn it off and call `tick`. */
  escalationTicks?: boolean;
  /** Mail in and out; absent: no SMTP listener, outgoing mail written to `{dataDir}/outbox/`. */
  mail?: MailOptions;
  /** The HTTPS agent push messages go out through (one that trusts a test push service's certificate). */
  pushAgent?: import('node:https').Agent;
  /** Where orders meet the payment side; absent: no on-line payment, refunds left to people. */
  orderPayments?: OrderPayments;
  /** How often unpaid bookings' held places are checked for expiry (ms; default 15 s). */
  holdExpiryMs?: number;
  /** How often refunds under way at a provider are looked at for a due check (default 15 s). */
  refundCheckMs?: number;
  /** Payment providers and where their notices arrive; absent: the simulated provider and company accounts. */
  payments?: PaymentOptions;
  /** How often unanswered work orders are checked for a reminder due (ms; default 60 s). */
  reminderTickMs?: number;
}

export interface Gateway {
  store: SiteStore;
  app: FastifyInstance;
  /** The embedded broker, unless the site uses an external one. */
  broker: GatewayBroker | undefined;
  bus: DeviceBus;
  signals: SiteSignals;
  presence: DevicePresence;
  deviceEvents: DeviceEvents;
  offlineWatch: OfflineWatch;
  /** Makes the tickets of planned work as their occurrences come due. */
  schedules: ScheduleGenerator;
  /** Escalates breached service levels, each once. */
  escalations: EscalationClock;
  /** Sends the reminders (and raises the task) of work orders the vendor has not answered; `tick` runs it now. */
  reminders: { tick: () => Promise<void> };
  commands: CommandHandler;
  metrics: Metrics;
  http: string;
  mqtt: string;
  /** Every link that leaves the gateway is built on this. */
  publicAddress: PublicAddress;
  credentials: DemoCredentials | undefined;
  mail: GatewayMail;
  close(): Promise<void>;
}

export class PortInUse extends Error {
  constructor(readonly variable: string, readonly port: number) {
    super(`port ${port} is already in use: set ${variable} to a free port`);
  }
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);
/** A gateway listening on every interface is reached on this machine at loopback. */
const reachableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host);
const portInUse = (error: unknown, variable: string, port: number) =>
  ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse(variable, port) : error);

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Starts one site: store, broker and HTTP. A new data dir is seeded with the demo building. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  privateDataFolder(options.dataDir, { files: [`${options.site}.sqlite`], ...(options.say ? { say: options.say } : {}) });
  const clock = options.clock ?? (() => new Date().toISOString());
  // Before the database is even opened: a second gateway on the folder would fork the log.
  const lock = FolderLock.acquire(options.dataDir, 'gateway', { http: options.httpPort, mqtt: options.externalBroker ? null : options.mqttPort });
  let store: SiteStore;
  try {
    store = new SiteStore(openDatabase(join(options.dataDir, `${options.site}.sqlite`)), options.site);
  } catch (error) {
    lock.release();
    throw error;
  }
  const checkpointer = startWalCheckpointer(store.db);
  const presence = new DevicePresence(store);
  // What has started is stopped again, in reverse, if a later step fails.
  const closers: (() => unknown)[] = [() => lock.release(), () => store.close(), () => checkpointer.stop(), () => { presence.flush(); presence.stop(); }];
  const closeAll = async () => { for (const close of closers.splice(0).reverse()) await close(); };
  // Until the gateway listens, its port is the one asked for; the links follow it once known.
  let listening = `http://${hostForUrl(reachableHost(options.host))}:${options.httpPort}`;
  const publicAddress = new PublicAddress(() => options.publicUrl ?? listening);
  let seeded = false;
  try {
    if (store.rooms.all().length === 0) {
      seeded = true;
      // The plain secrets exist only now: write them before anything else can fail (a taken port, say).
      const secrets = await seedDemo(store, clock(), options.demoSecretCost);
      const planned = hostForUrl(options.host);
      writeCredentials(options.dataDir, credentialsFor(secrets, {
        site: options.site, http: `http://${planned}:${options.httpPort}`, mqtt: `mqtt://${planned}:${options.mqttPort}`, public: publicAddress.base,
      }));
    }

    ensureBridgeKey(store, options.dataDir, options.say ?? (() => {}));
    ensureCategory(store, OFFLINE_CATEGORY, clock());
    const commands = new CommandHandler(store, clock, siteCommandModules);
    closers.push(commands.within(slaKeeper(store)));
    const library = new DocumentStore(join(options.dataDir, 'library'));
    if (seeded && options.demoInquiries) {
      await seedDemoInquiries(store, commands);
      await seedDemoDocuments(store, commands, library, clock());
      await seedDemoSurveys(store, commands, clock());
    }
    if (seeded && options.demoStock) await seedDemoStock(store, commands);
    if (seeded && options.demoServiceLevels) await seedDemoServiceLevels(store, commands, clock());
    if (seeded) await seedDemoServices(store, commands);
    if (seeded && options.demoWorkOrders) addVendorCredentials(options.dataDir, await seedDemoWorkOrders(store, commands, publicAddress, clock()));
    const metrics = createMetrics(store);
    const drop = (reason: string) => metrics.mqttDropped.inc({ reason });
    const deviceEvents = new DeviceEvents(store, commands, drop, clock);
    const handlers: DeviceBusHandlers = {
      onDrop: drop,
      onDeviceEvent: (id, payload) => deviceEvents.receive(id, payload),
      onPresence: (id, online) => presence.mark(id, online, clock()),
    };
    const homeAssistant = options.homeAssistant
      ? integrationAccount(store, options.dataDir, 'homeassistant', HOME_ASSISTANT_USER, options.say ?? (() => {}))
      : undefined;
    // Retained state goes out before the broker listens (and again on every reconnect to an external one).
    const prime = (bus: DeviceBus) => {
      const signs = new SiteSignals(bus, options.site);
      const rooms = store.rooms.all();
      for (const room of rooms) signs.roomStatus(room);
      primeRoomAnnouncements(store, signs);
      if (homeAssistant) for (const { topic, payload } of discoveryMessages(options.site, rooms)) bus.publish(topic, payload, true);
    };
    const broker: DeviceBus = options.externalBroker
      ? await ExternalBroker.start({ ...options.externalBroker, site: options.site, handlers, prime })
      : await GatewayBroker.start(store, {
        host: options.host, port: options.mqttPort, handlers, prime, ...(homeAssistant ? { integration: homeAssistant } : {}),
        ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      }).catch((error) => { throw portInUse(error, 'DOORSIDE_MQTT_PORT', options.mqttPort); });
    closers.push(() => broker.close());
    metrics.countClientsOf(broker);
    const signals = new SiteSignals(broker, options.site);
    store.onCommit(({ changes }) => {
      for (const change of changes) {
        if (change.entity === 'room') signals.roomStatus(change.state);
        if (change.entity === 'team') signals.teamNotification(change.state);
        // A device whose secret, room or standing changed signs in again under the new terms.
        if (change.entity === 'device' && change.type !== 'device-registered') broker.disconnect(change.state.id);
        if (change.entity === 'device' && change.type === 'device-revoked') deviceEvents.forget(change.state.id);
      }
    }, { devices: true });

    closers.push(startAutoDispatch(store, commands, (error) => process.emitWarning(error as Error)));
    closers.push(startStockAlerts(store, commands, (error) => process.emitWarning(error as Error)));
    closers.push(startPaidDisposal(store, commands, (error) => process.emitWarning(error as Error)));
    closers.push(publishRoomAnnouncements(store, signals));
    closers.push(startAnnouncementClock(store, commands, clock, { onError: (error) => process.emitWarning(error as Error) }));
    const payOptions = options.payments ?? {};
    const { settings: paySettings, simulatedPrivateKey } = paymentSettings(payOptions, options.dataDir);
    const providers = providersFrom(paySettings);
    const providerCalls = { commands, providers, clock, notifyUrl: () => payOptions.notifyUrl ?? `${publicAddress.base}/api/payments/notify` };
    // Bookings paid at order are paid through the provider chosen, else the simulated one, else the first real one set up.
    const orderProvider = payOptions.orderProvider ?? (['simulated', 'wechat', 'alipay'] as const).find((p) => providers.has(p));
    const orderPayments = options.orderPayments ?? (orderProvider && providers.has(orderProvider) ? ledgerPayments(store, providerCalls, () => publicAddress.base, orderProvider) : noPaymentProvider);
    closers.push(startProviderRefunds(store, providerCalls, (error) => process.emitWarning(error as Error)));
    closers.push(startRefundChecks(store, providerCalls, options.refundCheckMs ?? 15_000, (error) => process.emitWarning(error as Error)));
    closers.push(commands.within(orderFollowsTicket(store)));
    closers.push(commands.within(orderFollowsPayments(store)));
    closers.push(startHoldExpiry(store, commands, clock, options.holdExpiryMs ?? 15_000, (error) => process.emitWarning(error as Error)));
    // After the order hooks, so the demo's payments reach their orders as a live site's do.
    if (seeded && options.demoOrders) await seedDemoOrders(store, commands, clock);
    const reminders = startReminderClock(store, commands, clock, options.reminderTickMs ?? 60_000, (error) => process.emitWarning(error as Error));
    closers.push(reminders.stop);
    // A cancelled order with money taken goes to the payment side, which reports the refund back as a command.
    store.onCommit(({ changes }) => {
      for (const change of changes) {
        if (change.entity !== 'order' || (change.type !== 'order-cancelled' && change.type !== 'order-expired')) continue;
        const amount = refundDue(change.state);
        if (amount > 0) orderPayments.refund(change.state, amount).catch((error: unknown) => process.emitWarning(error as Error));
      }
    });

    const watch = new OfflineWatch(store, presence, commands, clock, options.offlineAlertMinutes ?? 10);
    watch.start();
    closers.push(() => watch.stop());
    // Tickets kept before their clocks were get them once, before the escalation tick looks.
    await startMissingClocks(store, commands, options.say ?? ((line) => process.emitWarning(line)));
    const schedules = new ScheduleGenerator(store, commands, clock, options.say ?? ((line) => process.emitWarning(line)));
    if (options.scheduleTicks !== false) {
      schedules.start();
      closers.push(() => schedules.stop());
    }
    const escalations = new EscalationClock(store, commands, clock, options.say ?? ((line) => process.emitWarning(line)));
    if (options.escalationTicks !== false) {
      escalations.start();
      closers.push(() => escalations.stop());
    }
    if (options.gpioConfig) {
      const gpio = await attachGpioPanel({ configFile: options.gpioConfig, store, events: deviceEvents, say: options.say ?? (() => {}) });
      closers.push(() => gpio.close());
    }

    const vapid = ensureVapidKeys(options.dataDir);
    closers.push(startPushSender({ store, commands, keys: vapid, links: publicAddress, subject: publicAddress.base.startsWith('https:') ? publicAddress.base : 'mailto:push@doorside.invalid',
      ...(options.pushAgent ? { agent: options.pushAgent } : {}), onError: (error) => process.emitWarning(error as Error) }));
    const mailFiles = new MailAttachmentStore(join(options.dataDir, 'mail-attachments'));
    const app = await buildApp({
      devices: { presence, events: deviceEvents, signals, bus: broker },
      photos: new PhotoStore(join(options.dataDir, 'attachments')), mailFiles,
      documents: new DocumentStore(join(options.dataDir, 'documents')),
      library,
      store, publicAddress, siteName: options.siteName ?? options.site, push: { publicKey: vapid.publicKey },
      auth: new AuthService(store, commands, clock, (kind) => metrics.secretChecks.inc({ kind })), commands, metrics, clock, version,
      cookies: { secure: options.cookieSecure ?? false }, logger: options.log ?? false,
      payments: {
        providers, simulatedKey: simulatedPrivateKey,
        notifyUrl: providerCalls.notifyUrl,
      },
      ...(options.reportLimits ? { reportLimits: options.reportLimits } : {}),
      ...(options.portalLimits ? { portalLimits: options.portalLimits } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      orderPayments,
    });
    await app.listen({ host: options.host, port: options.httpPort }).catch((error) => { throw portInUse(error, 'DOORSIDE_HTTP_PORT', options.httpPort); });
    closers.push(() => stopServing(app));

    const { port } = app.server.address() as { port: number };
    listening = `http://${hostForUrl(reachableHost(options.host))}:${port}`;
    lock.announce({ http: port, mqtt: broker instanceof GatewayBroker ? Number(new URL(broker.url).port) : null });
    if (options.backups) {
      const backups = new DailyBackups({ dataDir: options.dataDir, site: options.site, db: store.db, keep: options.backups.keep, clock, say: options.say ?? (() => {}) });
      backups.start();
      closers.push(() => backups.stop());
    }
    const mailOptions = options.mail ?? { smtpPort: null };
    const mail = await startMail(mailOptions, {
      store, commands, metrics, publicAddress, siteName: options.siteName ?? options.site, site: options.site, dataDir: options.dataDir, host: options.host, clock, files: mailFiles,
      ...(options.say ? { say: options.say } : {}),
    }).catch((error) => { throw portInUse(error, 'DOORSIDE_SMTP_PORT', mailOptions.smtpPort ?? 0); });
    closers.push(() => mail.close());
    const endpoints = { site: options.site, http: `http://${hostForUrl(options.host)}:${port}`, mqtt: broker.url, public: publicAddress.base };
    const credentials = refreshCredentials(options.dataDir, endpoints)
      && addMailCredentials(options.dataDir, { smtp: mail.smtp, inquiries: mail.addresses.inbox, outbox: mail.outbox, ...(mail.imap ? { imap: mail.imap } : {}) });
    return {
      offlineWatch: watch, schedules, escalations, reminders,
      store, app, broker: broker instanceof GatewayBroker ? broker : undefined, bus: broker, signals, presence, deviceEvents, commands, metrics, credentials, mail,
      http: endpoints.http, mqtt: endpoints.mqtt, publicAddress, close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
