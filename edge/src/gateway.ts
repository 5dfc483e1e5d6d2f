import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PhotoStore } from './attachments/photo-store.ts';
import { AuthService } from './auth/auth-service.ts';
import { GatewayBroker } from './broker/broker.aedes.ts';
import { buildApp } from './http/app.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import type { ReportLimits } from './rooms/report-rate-limit.ts';
import { RoomService } from './rooms/room-service.ts';
import { credentialsFor, type DemoCredentials, refreshCredentials, writeCredentials } from './seed/demo-credentials.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { openDatabase } from './store/database.sqlite.ts';
import { SiteStore } from './store/site-store.ts';
import { startWalCheckpointer } from './store/wal-checkpointer.ts';
import { TicketService } from './tickets/ticket-service.ts';

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
  connectTimeoutMs?: number;
}

export interface Gateway {
  store: SiteStore;
  app: FastifyInstance;
  broker: GatewayBroker;
  tickets: TicketService;
  metrics: Metrics;
  http: string;
  mqtt: string;
  credentials: DemoCredentials | undefined;
  close(): Promise<void>;
}

export class PortInUse extends Error {
  constructor(readonly variable: string, readonly port: number) {
    super(`port ${port} is already in use: set ${variable} to a free port`);
  }
}

const hostForUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Starts one site: store, broker and HTTP. A new data dir is seeded with the demo building. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? (() => new Date().toISOString());
  const store = new SiteStore(openDatabase(join(options.dataDir, `${options.site}.sqlite`)), options.site);
  const checkpointer = startWalCheckpointer(store.db);
  if (store.rooms.all().length === 0) {
    // The plain secrets exist only now: write them before anything else can fail (a taken port, say).
    const secrets = await seedDemo(store, clock());
    const planned = hostForUrl(options.host);
    writeCredentials(options.dataDir, credentialsFor(secrets, {
      site: options.site, http: `http://${planned}:${options.httpPort}`, mqtt: `mqtt://${planned}:${options.mqttPort}`,
    }));
  }

  const tickets = new TicketService(store, clock);
  const auth = new AuthService(store, clock);
  let broker: GatewayBroker | undefined;
  const metrics = createMetrics(store, () => broker?.connectedClients ?? 0);
  try {
    broker = await GatewayBroker.start(store, {
      host: options.host, port: options.mqttPort, clock,
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      onDrop: (reason) => metrics.mqttDropped.inc({ reason }),
    });
  } catch (error) {
    await checkpointer.stop();
    store.close();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse('DOORSIDE_MQTT_PORT', options.mqttPort) : error;
  }
  const liveBroker = broker;
  store.onCommit(({ changes }) => {
    for (const change of changes) {
      if (change.entity === 'room') liveBroker.publishRoomStatus(change.state);
      if (change.entity === 'team') liveBroker.notifyTeam(change.state);
    }
  });

  const app = await buildApp({
    photos: new PhotoStore(join(options.dataDir, 'attachments')),
    store, auth, tickets, rooms: new RoomService(store, clock), metrics, clock, version,
    cookies: { secure: options.cookieSecure ?? false }, logger: options.log ?? false,
    ...(options.reportLimits ? { reportLimits: options.reportLimits } : {}),
  });
  try {
    await app.listen({ host: options.host, port: options.httpPort });
  } catch (error) {
    await liveBroker.close();
    await checkpointer.stop();
    store.close();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUse('DOORSIDE_HTTP_PORT', options.httpPort) : error;
  }
  const host = hostForUrl(options.host);
  const { port } = app.server.address() as { port: number };
  const endpoints = { site: options.site, http: `http://${host}:${port}`, mqtt: `mqtt://${host}:${liveBroker.port}` };
  const credentials = refreshCredentials(options.dataDir, endpoints);

  return {
    store, app, broker: liveBroker, tickets, metrics, credentials, http: endpoints.http, mqtt: endpoints.mqtt,
    async close() {
      await app.close();
      await liveBroker.close();
      await checkpointer.stop();
      store.close();
    },
  };
}
