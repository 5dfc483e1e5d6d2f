import { createHash, randomBytes } from 'node:crypto';

/** A random, unguessable token for links and cookies (base64url). */
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored as digests, so a copied database opens no session and no tracking link. */
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');
