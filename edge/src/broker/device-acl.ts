import { topics } from '../contracts/index.ts';
import type { Device } from '../contracts/index.ts';

export interface TopicRights { read: string[]; write: string[] }

/**
 * What a device may touch: its own room's status and announcement (read only) and its own device
 * topics. Exact topics only, so a wildcard subscription (`#`, `+`) never matches;
 * room status is written by the gateway alone. The same lists become Mosquitto's
 * acl_file in external-broker mode.
 */
export function topicRights(site: string, device: Device): TopicRights {
  return {
    read: [topics.roomStatus(site, device.room), topics.roomAnnouncement(site, device.room), topics.deviceCommands(site, device.id)],
    write: [topics.deviceEvents(site, device.id), topics.presence(site, device.id)],
  };
}

/** Home Assistant reads every room's status and its own discovery topics, and writes nothing. */
export function integrationRights(site: string): TopicRights {
  return { read: [topics.roomStatus(site, '+'), topics.roomAnnouncement(site, '+'), 'homeassistant/#'], write: [] };
}

/** Whether an allowed filter covers a topic or subscription: a wildcard in the request must be granted as such. */
export function covers(filter: string, topic: string): boolean {
  if (filter === topic) return true;
  if (topic.includes('+') || topic.includes('#')) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

export function maySubscribe(rights: TopicRights, topic: string): boolean {
  return rights.read.some((filter) => covers(filter, topic));
}

export function mayPublish(rights: TopicRights, topic: string): boolean {
  return rights.write.some((filter) => covers(filter, topic));
}
