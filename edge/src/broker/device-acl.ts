import { topics } from '../contracts/index.ts';
import type { Device } from '../contracts/index.ts';

/**
 * What a device may touch: its own room's status (read only) and its own device
 * topics. Exact topics only, so a wildcard subscription (`#`, `+`) never matches;
 * room status is written by the gateway alone.
 */
export function maySubscribe(site: string, device: Device, topic: string): boolean {
  return topic === topics.roomStatus(site, device.room) || topic === topics.deviceCommands(site, device.id);
}

export function mayPublish(site: string, device: Device, topic: string): boolean {
  return topic === topics.deviceEvents(site, device.id) || topic === topics.presence(site, device.id);
}
