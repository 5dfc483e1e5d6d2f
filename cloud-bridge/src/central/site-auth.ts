import { timingSafeEqual } from 'node:crypto';
import { newToken, tokenDigest } from '@doorside/edge/http';
import type { FastifyRequest } from 'fastify';
import { BadSiteKey } from './errors.ts';
import type { SiteLog } from './site-log.ts';

/** A site key: 256 random bits; the central server keeps only its SHA-256. */
export const newSiteKey = () => newToken(32);

const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** Checks `authorization: Bearer <siteKey>` against the site's stored digest; unknown site and wrong key look the same. */
export async function requireSiteKey(log: SiteLog, site: string, request: FastifyRequest): Promise<void> {
  const key = bearer.exec(request.headers.authorization ?? '')?.[1];
  const stored = await log.keyHash(site);
  const offered = Buffer.from(tokenDigest(key ?? ''), 'hex');
  const expected = Buffer.from(stored ?? '0'.repeat(64), 'hex');
  if (!key || !stored || !timingSafeEqual(offered, expected)) throw new BadSiteKey();
}
