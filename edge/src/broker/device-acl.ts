import { topics } from '../contracts/index.ts';
import type { Device } from '../contracts/index.ts';

export interface TopicRights { read: string[]; write: string[] }

/**
 * What a device may touch: its own room's status (read only) and its own device
 * topics. Exact topics only, so a wildcard subscription (`#`, `+`) never matches;
 * room status is written by the gateway alone. The same lists become Mosquitto's
 * acl_file in external-broker mode.
 */
export function topicRights(site: string, device: Device): TopicRights {
  return {
    read: [topics.roomStatus(site, device.room), topics.deviceCommands(site, device.id)],
    write: [topics.deviceEvents(site, device.id), topics.presence(site, device.id)],
  };
}

export function maySubscribe(site: string, device: Device, topic: string): boolean {
  return topicRights(site, device).read.includes(topic);
}

export function mayPublish(site: string, device: Device, topic: string): boolean {
  return topicRights(site, device).write.includes(topic);
}
