import { esphomeSignConfig, kioskConfig } from '@doorside/firmware-config';
import type { Device, Room } from '../contracts/index.ts';
import { topics } from '../contracts/index.ts';

export interface Reach {
  /** The gateway's pages, as the admin reached them (`http://10.0.0.5:8080`). */
  baseUrl: string;
  /** The broker devices connect to, host as the admin reached the gateway. */
  broker: { host: string; port: number };
}

/** Ready-to-use configuration for a device whose secret was just issued. */
export function deviceConfigs(site: string, device: Device, room: Room, secret: string, reach: Reach) {
  const mqtt = { url: `mqtt://${reach.broker.host}:${reach.broker.port}`, username: device.id, password: secret };
  const kiosk = device.kind === 'sign' || device.kind === 'panel'
    ? kioskConfig({ kind: device.kind, baseUrl: reach.baseUrl, room: room.id, deviceId: device.id, token: secret })
    : null;
  const esphome = device.kind === 'epaper' || device.kind === 'sign'
    ? esphomeSignConfig({
      site, deviceId: device.id, room: { id: room.id, name: room.name }, secret, broker: reach.broker, language: 'en',
      statusTopic: topics.roomStatus(site, room.id), announcementTopic: topics.roomAnnouncement(site, room.id), commandsTopic: topics.deviceCommands(site, device.id),
      eventsTopic: topics.deviceEvents(site, device.id), presenceTopic: topics.presence(site, device.id),
    })
    : null;
  return { mqtt, kiosk, esphome };
}
