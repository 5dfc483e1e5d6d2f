import { describe, expect, it } from 'vitest';
import { newDeviceSecret, secretDigest, secretMatches } from './credentials.ts';

describe('device credentials', () => {
  it('makes secrets of at least 128 random bits that differ every time', () => {
    const secrets = Array.from({ length: 100 }, newDeviceSecret);

    expect(new Set(secrets).size).toBe(100);
    expect(Buffer.from(secrets[0]!, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('accepts the secret behind a digest and refuses any other', () => {
    const secret = newDeviceSecret();
    const digest = secretDigest(secret);

    expect(secretMatches(secret, digest)).toBe(true);
    expect(secretMatches(`${secret}x`, digest)).toBe(false);
    expect(secretMatches(secret, 'not-hex')).toBe(false);
  });
});
