import { once } from 'node:events';
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import { secretMatches } from '@doorside/firmware-config';
import { DeviceEvent, type Device, type Room, type RoomStatusMessage, type TeamNotification, topics } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { mayPublish, maySubscribe } from './device-acl.ts';
import { guardMqttSocket } from './packet-guard.ts';
import { DevicePresence } from './device-presence.ts';

export interface BrokerOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  maxPacketBytes?: number;
  /** Called for every refused or dropped message or connection, with the reason. */
  onDrop: (reason: string) => void;
  onDeviceEvent?: (device: Device, event: DeviceEvent) => void;
  clock: () => string;
}

const deviceOf = new WeakMap<Client, Device>();
// aedes keeps its connected clients by client id; the typings leave the map out.
const clientsOf = (broker: Aedes) => (broker as unknown as { clients: Record<string, Client> }).clients;
const refused = (returnCode: number) => Object.assign(new Error('connection refused'), { returnCode });

/**
 * The embedded broker: every device signs in with its own credentials, sees only its
 * room's status and its own topics, and gets the room status as a retained message.
 */
export class GatewayBroker {
  readonly #server: net.Server;
  readonly presence: DevicePresence;

  private constructor(readonly broker: Aedes, private readonly store: SiteStore, private readonly options: BrokerOptions) {
    this.presence = new DevicePresence(store, (id, state) => this.#publish(topics.presence(store.site, id), state, true));
    this.#server = net.createServer((socket) => {
      socket.on('error', () => socket.destroy());
      // aedes writes a packet in pieces; without this, Nagle holds the tail of each status
      // message until the sign's delayed ACK, some 40 ms later.
      socket.setNoDelay(true);
      broker.handle(guardMqttSocket(socket, {
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        maxRemainingLength: options.maxPacketBytes ?? 65_536,
        onReject: (reason) => options.onDrop(reason),
      }));
    });
  }

  static async start(store: SiteStore, options: BrokerOptions): Promise<GatewayBroker> {
    const site = store.site;
    const broker = await Aedes.createBroker({ drainTimeout: 5_000, maxTopicLevels: 16, connectTimeout: options.connectTimeoutMs ?? 10_000 });
    const gateway = new GatewayBroker(broker, store, options);
    broker.authenticate = (client, username, password, done) => {
      const record = username ? store.directory.device(username) : undefined;
      const clash = clientsOf(broker)[client.id];
      if (!record || record.device.revoked || !password || !secretMatches(password, record.secretDigest)) {
        options.onDrop('bad-credentials');
        return done(refused(5) as never, false);
      }
      if (clash && deviceOf.get(clash)?.id !== record.device.id) {
        options.onDrop('client-id-taken');
        return done(refused(2) as never, false);
      }
      deviceOf.set(client, record.device);
      done(null, true);
    };
    broker.authorizeSubscribe = (client, sub, done) => {
      const device = deviceOf.get(client);
      const ok = device !== undefined && maySubscribe(site, device, sub.topic);
      if (!ok) options.onDrop('subscribe-denied');
      done(null, ok ? sub : null);
    };
    broker.authorizePublish = (client, packet, done) => {
      const device = client ? deviceOf.get(client) : undefined;
      if (!device || !mayPublish(site, device, packet.topic)) {
        options.onDrop('publish-denied');
        return done(new Error(`not allowed to publish to ${packet.topic}`));
      }
      if (packet.topic === topics.deviceEvents(site, device.id)) {
        packet.retain = false;
        gateway.#deviceEvent(device, packet.payload);
      }
      done(null);
    };
    broker.on('clientReady', (client) => {
      const device = deviceOf.get(client);
      if (device) gateway.presence.mark(device.id, true, options.clock());
    });
    broker.on('clientDisconnect', (client) => {
      const device = deviceOf.get(client);
      if (device && !Object.values(clientsOf(broker)).some((c) => c !== client && deviceOf.get(c)?.id === device.id)) {
        gateway.presence.mark(device.id, false, options.clock());
      }
    });
    for (const room of store.rooms.all()) gateway.publishRoomStatus(room);
    gateway.#server.listen(options.port, options.host);
    try {
      await Promise.race([once(gateway.#server, 'listening'), once(gateway.#server, 'error').then(([e]) => { throw e; })]);
    } catch (error) {
      gateway.presence.stop();
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

  publishRoomStatus(room: Room): void {
    const message: RoomStatusMessage = { room: room.id, name: room.name, status: room.status, since: room.since, reason: room.reason, ticket: room.ticket };
    this.#publish(topics.roomStatus(this.store.site, room.id), JSON.stringify(message), true);
  }

  notifyTeam(notification: TeamNotification): void {
    this.#publish(topics.teamNotifications(this.store.site, notification.team), JSON.stringify(notification), false);
  }

  #deviceEvent(device: Device, payload: Buffer | string): void {
    let parsed: ReturnType<typeof DeviceEvent.safeParse>;
    try {
      parsed = DeviceEvent.safeParse(JSON.parse(payload.toString()));
    } catch {
      return this.options.onDrop('not-json');
    }
    if (!parsed.success) return this.options.onDrop('bad-payload');
    this.options.onDeviceEvent?.(device, parsed.data);
  }

  #publish(topic: string, payload: string, retain: boolean): void {
    this.broker.publish({ cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain, dup: false }, () => {});
  }

  async close(): Promise<void> {
    this.presence.flush();
    this.presence.stop();
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
