import { once } from 'node:events';
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import { secretMatches } from '@doorside/firmware-config';
import { type Device, Presence, topics } from '../contracts/index.ts';
import { DEVICE_LIMITS, OFFLINE_QUEUE_MAX } from './device-limits.ts';
import { boundOfflineQueue } from './offline-queue.ts';
import type { SiteStore } from '../store/site-store.ts';
import { signedInDevice } from '../auth/device-sign-in.ts';
import { integrationRights, mayPublish, maySubscribe, topicRights, type TopicRights } from './device-acl.ts';
import type { DeviceBus, DeviceBusHandlers } from './device-bus.ts';
import { exactRetainedPersistence } from './exact-retained.ts';
import { guardMqttSocket } from './packet-guard.ts';

export interface BrokerOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  maxPacketBytes?: number;
  handlers: DeviceBusHandlers;
  /** Home Assistant's MQTT account, when that integration is on. */
  integration?: { username: string; secretDigest: string };
  /** Runs once the broker exists and before it listens: the place to publish retained state. */
  prime?: (bus: DeviceBus) => void;
}

/** Who a connection belongs to: a device, or an integration such as Home Assistant. */
interface Principal { id: string; device: Device | null; rights: TopicRights }
const principalOf = new WeakMap<Client, Principal>();
const deviceOf = { get: (client: Client) => principalOf.get(client)?.device ?? undefined };
// aedes keeps its connected clients by client id; the typings leave the map out.
const clientsOf = (broker: Aedes) => (broker as unknown as { clients: Record<string, Client> }).clients;
function signIn(store: SiteStore, options: BrokerOptions, username: string, password: Buffer): Principal | undefined {
  const { integration } = options;
  if (integration && username === integration.username) {
    return secretMatches(password, integration.secretDigest) ? { id: username, device: null, rights: integrationRights(store.site) } : undefined;
  }
  const device = signedInDevice(store.directory.device(username), password);
  return device && { id: device.id, device, rights: topicRights(store.site, device) };
}

const refused = (returnCode: number) => Object.assign(new Error('connection refused'), { returnCode });

/**
 * The embedded broker: every device signs in with its own credentials, sees only its
 * room's status and its own topics, and gets the room status as a retained message.
 */
export class GatewayBroker implements DeviceBus {
  readonly #server: net.Server;

  private constructor(readonly broker: Aedes, private readonly options: BrokerOptions) {
    this.#server = net.createServer((socket) => {
      socket.on('error', () => socket.destroy());
      // aedes writes a packet in pieces; without this, Nagle holds the tail of each status
      // message until the sign's delayed ACK, some 40 ms later.
      socket.setNoDelay(true);
      broker.handle(guardMqttSocket(socket, {
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        maxRemainingLength: options.maxPacketBytes ?? 65_536,
        onReject: (reason) => options.handlers.onDrop(reason),
      }));
    });
  }

  static async start(store: SiteStore, options: BrokerOptions): Promise<GatewayBroker> {
    const site = store.site;
    let online = (_clientId: string) => false;
    const persistence = boundOfflineQueue(exactRetainedPersistence(), {
      max: OFFLINE_QUEUE_MAX, isOnline: (clientId) => online(clientId), onDrop: () => options.handlers.onDrop('offline-queue-full'),
    });
    const broker = await Aedes.createBroker({ persistence, drainTimeout: 5_000, maxTopicLevels: 16, maxInflightInbound: DEVICE_LIMITS.inflightQos2, connectTimeout: options.connectTimeoutMs ?? 10_000 });
    online = (clientId) => clientsOf(broker)[clientId] !== undefined;
    const gateway = new GatewayBroker(broker, options);
    const { handlers } = options;
    broker.authenticate = (client, username, password, done) => {
      const principal = username && password ? signIn(store, options, username, password) : undefined;
      if (!principal) {
        handlers.onDrop('bad-credentials');
        return done(refused(5) as never, false);
      }
      // A client id belongs to its account: a device connects as its own id, so no credentials
      // can take another device's session, and each account holds one live connection.
      if (client.id !== principal.id) {
        handlers.onDrop('client-id-not-own');
        return done(refused(5) as never, false);
      }
      // The same id again takes the session over (MQTT 3.1.1, 3.1.4-2): aedes closes the older one.
      if (clientsOf(broker)[client.id]) handlers.onDrop('session-taken-over');
      principalOf.set(client, principal);
      done(null, true);
    };
    broker.authorizeSubscribe = (client, sub, done) => {
      const principal = principalOf.get(client);
      const ok = principal !== undefined && maySubscribe(principal.rights, sub.topic);
      if (!ok) handlers.onDrop('subscribe-denied');
      done(null, ok ? sub : null);
    };
    broker.authorizePublish = (client, packet, done) => {
      const principal = client ? principalOf.get(client) : undefined;
      if (!principal || !mayPublish(principal.rights, packet.topic)) {
        handlers.onDrop('publish-denied');
        return done(new Error(`not allowed to publish to ${packet.topic}`));
      }
      // A device's events are never kept as retained messages.
      if (principal.device && packet.topic === topics.deviceEvents(site, principal.device.id)) packet.retain = false;
      // Presence is `online` or `offline`, nothing else is kept (a Last Will passes here too).
      if (principal.device && packet.topic === topics.presence(site, principal.device.id) && !Presence.safeParse(packet.payload.toString()).success) {
        handlers.onDrop('bad-presence');
        return done(new Error('presence is online or offline'));
      }
      done(null);
    };
    // Device events are acted on once the broker has accepted and delivered them, not inside its authorization hook.
    broker.on('publish', (packet, client) => {
      const device = client ? deviceOf.get(client) : undefined;
      if (!device || packet.topic !== topics.deviceEvents(site, device.id)) return;
      void handlers.onDeviceEvent(device.id, Buffer.from(packet.payload))
        .then((reply) => reply && gateway.publish(topics.deviceCommands(site, device.id), JSON.stringify(reply), false))
        .catch((error: Error) => process.emitWarning(error));
    });
    broker.on('clientError', (_client, error) => {
      if (error.message.startsWith('maxInflightInbound')) handlers.onDrop('inflight-exceeded');
    });
    broker.on('clientReady', (client) => {
      const device = deviceOf.get(client);
      if (!device) return;
      gateway.publish(topics.presence(site, device.id), 'online', true);
      handlers.onPresence(device.id, true);
    });
    broker.on('clientDisconnect', (client) => {
      const device = deviceOf.get(client);
      if (device && !Object.values(clientsOf(broker)).some((c) => c !== client && deviceOf.get(c)?.id === device.id)) {
        gateway.publish(topics.presence(site, device.id), 'offline', true);
        handlers.onPresence(device.id, false);
      }
    });
    options.prime?.(gateway);
    // A building's signs reconnect together after a restart; the default backlog of 511 overflows.
    gateway.#server.listen({ port: options.port, host: options.host, backlog: 4_096 });
    try {
      await Promise.race([once(gateway.#server, 'listening'), once(gateway.#server, 'error').then(([e]) => { throw e; })]);
    } catch (error) {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      throw error;
    }
    return gateway;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  get connectedClients(): number {
    return this.broker.connectedClients;
  }

  get url(): string {
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `mqtt://${host}:${this.port}`;
  }

  disconnect(deviceId: string): void {
    for (const client of Object.values(clientsOf(this.broker))) {
      if (deviceOf.get(client)?.id === deviceId) client.close();
    }
  }

  publish(topic: string, payload: string, retain: boolean): void {
    this.broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain, dup: false }, () => {});
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
