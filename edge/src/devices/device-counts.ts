/**
 * The one rule for a site's device figures, shared by the gateway's dashboard and the
 * central view: every registered device counts in `total`; a revoked one counts only as
 * revoked; the rest are online or offline, and a device never heard from is offline.
 */
export interface DeviceCounts { total: number; online: number; offline: number; revoked: number }

export function countDevices(devices: Iterable<{ revoked: boolean; online: boolean | null }>): DeviceCounts {
  const counts: DeviceCounts = { total: 0, online: 0, offline: 0, revoked: 0 };
  for (const d of devices) {
    counts.total += 1;
    if (d.revoked) counts.revoked += 1;
    else if (d.online === true) counts.online += 1;
    else counts.offline += 1;
  }
  return counts;
}
