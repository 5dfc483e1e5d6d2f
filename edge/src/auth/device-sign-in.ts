import { secretMatches } from '@doorside/firmware-config';
import type { Device } from '../contracts/index.ts';
import type { DeviceRecord } from '../store/directory.sqlite.ts';

/** The device a secret signs in, or undefined for an unknown or revoked device or a wrong secret: for MQTT and the live feed alike. */
export function signedInDevice(record: DeviceRecord | undefined, secret: string | Buffer): Device | undefined {
  if (!record || record.device.revoked || !secretMatches(secret, record.secretDigest)) return undefined;
  return record.device;
}
