import type { Device } from '../contracts/index.ts';

export interface WatchedDevice {
  device: Device;
  online: boolean;
  lastSeen: string | null;
  /** The ticket already opened for this outage, if any. */
  alert: string | null;
}

const watchedKinds: readonly Device['kind'][] = ['sign', 'epaper', 'panel', 'gpio_panel'];

/**
 * Which devices have been offline long enough to need someone, and have no ticket for
 * this outage yet; and which are back, so their next outage counts anew. A device
 * never seen is not installed yet, not broken.
 */
export function offlineAlerts(devices: WatchedDevice[], now: string, minutes: number): { open: Device[]; clear: Device[] } {
  const limit = Date.parse(now) - minutes * 60_000;
  const open = devices.filter((d) => watchedKinds.includes(d.device.kind) && !d.device.revoked && !d.online
    && d.lastSeen !== null && Date.parse(d.lastSeen) <= limit && d.alert === null);
  const clear = devices.filter((d) => d.online && d.alert !== null);
  return { open: open.map((d) => d.device), clear: clear.map((d) => d.device) };
}
