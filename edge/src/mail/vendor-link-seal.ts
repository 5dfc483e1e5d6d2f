import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkSealer } from '../store/work-order-rows.sqlite.ts';

const KEY_FILE = 'link-seal.key';

/** The site's key for sealing vendor links: made at first start and kept in the data folder (mode 0600), the same ever after. */
function sealKey(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
  return key;
}

/**
 * Seals a vendor link's token with AES-256-GCM under the site's key, bound to the link's digest,
 * so a reminder can carry the same working link the vendor was first sent. The store keeps the
 * sealed token beside the digest; a copied database without the key opens no link.
 */
export function linkSealer(dataDir: string): LinkSealer {
  const key = sealKey(dataDir);
  return {
    seal(token, digest) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(digest));
      const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      return ['v1', iv, sealed, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, digest) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(digest));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
