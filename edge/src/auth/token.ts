import { randomBytes } from 'node:crypto';
import { secretDigest } from '@doorside/firmware-config';

/** A random, unguessable token for links and cookies (base64url). */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/**
 * Tokens are stored as digests, so a copied database opens no session and no tracking
 * link; the same SHA-256 digest as device secrets.
 */
export const tokenDigest = (token: string) => secretDigest(token);
