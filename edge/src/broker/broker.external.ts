import { connectAsync, type MqttClient } from 'mqtt';
import { topics } from '../contracts/index.ts';
import type { DeviceBus, DeviceBusHandlers } from './device-bus.ts';

export interface ExternalBrokerOptions {
  url: string;
  username: string;
  password: string;
  site: string;
  handlers: DeviceBusHandlers;
  /** Runs on every (re)connect: the place to publish retained state, which a restarted broker may have lost. */
  prime: (bus: DeviceBus) => void;
}

const deviceTopic = /^doorside\/[^/]+\/devices\/([^/]+)\/(events|presence)$/;

/**
 * For sites whose devices connect to a broker of their own (Mosquitto, EMQX, HiveMQ):
 * the gateway joins it as one more client. Device sign-in and topic rights are that
 * broker's job, from the password and ACL files this project generates.
 */
export class ExternalBroker implements DeviceBus {
  readonly #online = new Set<string>();

  private constructor(private readonly client: MqttClient, readonly url: string) {}

  static async start(options: ExternalBrokerOptions): Promise<ExternalBroker> {
    const client = await connectAsync(options.url, {
      username: options.username, password: options.password, clientId: `doorside-gateway-${options.site}`,
      clean: true, reconnectPeriod: 2_000, connectTimeout: 10_000,
    });
    const bus = new ExternalBroker(client, options.url);
    client.on('message', (topic, payload) => bus.#receive(options.handlers, options.site, topic, payload));
    await client.subscribeAsync([`doorside/${options.site}/devices/+/events`, `doorside/${options.site}/devices/+/presence`], { qos: 1 });
    options.prime(bus);
    client.on('connect', () => options.prime(bus));
    return bus;
  }

  #receive(handlers: DeviceBusHandlers, site: string, topic: string, payload: Buffer): void {
    const match = topic.match(deviceTopic);
    if (!match) return handlers.onDrop('unexpected-topic');
    const [, device, kind] = match as unknown as [string, string, string];
    if (kind === 'events') {
      void handlers.onDeviceEvent(device, payload)
        .then((reply) => reply && this.publish(topics.deviceCommands(site, device), JSON.stringify(reply), false))
        .catch((error: Error) => process.emitWarning(error));
      return;
    }
    const state = payload.toString();
    if (state !== 'online' && state !== 'offline') return handlers.onDrop('bad-payload');
    if (state === 'online') this.#online.add(device);
    else this.#online.delete(device);
    handlers.onPresence(device, state === 'online');
  }

  get connectedClients(): number {
    return this.#online.size;
  }

  publish(topic: string, payload: string, retain: boolean): void {
    // mqtt.js queues what is published while the link is down and sends it on reconnect.
    this.client.publish(topic, payload, { qos: 1, retain });
  }

  /** An external broker drops a revoked device when it reloads its password file; the gateway cannot force it. */
  disconnect(): void {}

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
