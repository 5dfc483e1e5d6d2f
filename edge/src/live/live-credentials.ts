import { z } from 'zod';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInDevice } from '../auth/device-sign-in.ts';
import { tokenDigest } from '../auth/token.ts';
import { DeviceId, RoomId, Token } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { TrackFeed } from '../tickets/track-feed.ts';
import { type Viewer, viewerFor } from './visibility.ts';

/**
 * What a live socket was opened with. Kept for the socket's whole life, so what it may
 * see can be asked again whenever the site changes: a device keeps the digest of the
 * secret it showed (a new secret ends it), a session its token.
 */
export type LiveCredentials =
  | { kind: 'session'; token: string; digest: string }
  | { kind: 'device'; device: string; secretDigest: string }
  | { kind: 'room-code'; room: string; code: string }
  | { kind: 'track'; token: string };

const LiveQuery = z.strictObject({
  device: DeviceId.optional(),
  secret: z.string().max(200).optional(),
  room: RoomId.optional(),
  k: z.string().max(64).optional(),
  track: Token.optional(),
});

/** The credentials of a WebSocket upgrade: a tracking link, a device's id and secret, a room's QR code, or the session cookie. */
export function credentialsOf(store: SiteStore, query: unknown, sessionToken: string | undefined): LiveCredentials | undefined {
  const parsed = LiveQuery.safeParse(query);
  if (!parsed.success) return undefined;
  const { device, secret, room, k, track } = parsed.data;
  if (track) return { kind: 'track', token: track };
  if (device && secret) {
    const record = store.directory.device(device);
    return record && signedInDevice(record, secret) ? { kind: 'device', device, secretDigest: record.secretDigest } : undefined;
  }
  if (room && k) return { kind: 'room-code', room, code: k };
  return sessionToken ? { kind: 'session', token: sessionToken, digest: tokenDigest(sessionToken) } : undefined;
}

export interface CredentialSources { store: SiteStore; auth: AuthService; tracks: TrackFeed }

/** What the credentials let a socket see now, or undefined once they no longer hold. */
export function viewerNow({ store, auth, tracks }: CredentialSources, credentials: LiveCredentials): Viewer | undefined {
  switch (credentials.kind) {
    case 'track':
      return tracks.viewer(credentials.token);
    case 'device': {
      const record = store.directory.device(credentials.device);
      if (!record || record.device.revoked || record.secretDigest !== credentials.secretDigest) return undefined;
      return { kind: 'room', room: record.device.room };
    }
    case 'room-code':
      return store.rooms.qrSecret(credentials.room) === credentials.code ? { kind: 'room', room: credentials.room } : undefined;
    case 'session': {
      const found = auth.actor(credentials.token);
      return found ? viewerFor(found.actor) : undefined;
    }
  }
}
