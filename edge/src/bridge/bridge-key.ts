import { timingSafeEqual } from 'node:crypto';
import { newToken, tokenDigest } from '../auth/token.ts';
import { addBridgeCredentials } from '../seed/demo-credentials.ts';
import type { SiteStore } from '../store/site-store.ts';

const META_KEY = 'bridge:key';

/**
 * The site's cloud-bridge key: made at the first start that lacks one, kept only as a
 * digest, and handed over once through demo-credentials.json (or the start-up output).
 */
export function ensureBridgeKey(store: SiteStore, dataDir: string, say: (line: string) => void): void {
  if (storedDigest(store)) return;
  const key = newToken(32);
  store.meta.set({ [META_KEY]: tokenDigest(key) });
  if (!addBridgeCredentials(dataDir, key)) say(`cloud bridge: key ${key} (shown once; the sync agent's DOORSIDE_BRIDGE_KEY)`);
}

/** Whether an `authorization` header carries the site's bridge key; compared in constant time. */
export function bridgeKeyMatches(store: SiteStore, authorization: string | undefined): boolean {
  const digest = storedDigest(store);
  const presented = (authorization ?? '').match(/^Bearer ([A-Za-z0-9_-]{16,200})$/)?.[1];
  if (!digest || !presented) return false;
  return timingSafeEqual(Buffer.from(tokenDigest(presented), 'hex'), Buffer.from(digest, 'hex'));
}

function storedDigest(store: SiteStore): string | undefined {
  return store.meta.get(META_KEY);
}
