import type { DeviceCommand } from '../contracts/index.ts';

/**
 * The MQTT side of the gateway, whichever broker carries it: the embedded aedes, or an
 * external broker (Mosquitto, EMQX, HiveMQ) the gateway joins as a client.
 */
export interface DeviceBus {
  /** Where devices connect, for the start banner and generated configs. */
  readonly url: string;
  readonly connectedClients: number;
  publish(topic: string, payload: string, retain: boolean): void;
  /** Drops a device's live connections at once (revoked, or its secret rotated). */
  disconnect(deviceId: string): void;
  close(): Promise<void>;
}

export interface DeviceBusHandlers {
  /** A refused or dropped message or connection, with the reason. */
  onDrop(reason: string): void;
  /**
   * A payload a device published on its own `events` topic, once the broker accepted it; not
   * yet parsed. What it answers goes back to the device on its `commands` topic.
   */
  onDeviceEvent(deviceId: string, payload: Buffer): Promise<DeviceCommand | undefined>;
  onPresence(deviceId: string, online: boolean): void;
}
