import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device secrets are long random strings, not passwords people choose, so a fast
 * SHA-256 digest is enough to store them: a building's worth of signs reconnecting
 * at once must not queue behind a slow password hash.
 */
export const DEVICE_SECRET_BYTES = 24; // 192 bits

export function newDeviceSecret(): string {
  return randomBytes(DEVICE_SECRET_BYTES).toString('base64url');
}

export function secretDigest(secret: string | Buffer): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string | Buffer, digest: string): boolean {
  const given = Buffer.from(secretDigest(secret), 'hex');
  const stored = Buffer.from(digest, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
