import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { signedInDevice } from '../auth/device-sign-in.ts';
import { DeviceId, type LiveEvent, type LiveSnapshot, RoomId, Token } from '../contracts/index.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { FastifyRequest } from 'fastify';
import type { SiteStore } from '../store/site-store.ts';
import { readableState, sees, type Viewer, viewerFor } from './visibility.ts';
import { TrackFeed } from '../tickets/track-feed.ts';
import { TrackLinks } from '../tickets/track-links.sqlite.ts';
import { refuseForeignOrigins } from './origin-check.ts';

const LiveQuery = z.strictObject({
  device: DeviceId.optional(),
  secret: z.string().max(200).optional(),
  room: RoomId.optional(),
  k: z.string().max(64).optional(),
  track: Token.optional(),
});

/** Who a WebSocket upgrade belongs to: a session cookie, a device's credentials, a room's QR code or a tracking link. */
function viewerOf(store: SiteStore, auth: AuthService, tracks: TrackFeed, request: FastifyRequest): Viewer | undefined {
  const query = LiveQuery.safeParse(request.query);
  if (!query.success) return undefined;
  const { device, secret, room, k, track } = query.data;
  if (track) return tracks.viewer(track);
  if (device && secret) {
    const signedIn = signedInDevice(store.directory.device(device), secret);
    return signedIn ? { kind: 'room', room: signedIn.room, tickets: false } : undefined;
  }
  if (room && k) return store.rooms.qrSecret(room) === k ? { kind: 'room', room, tickets: false } : undefined;
  return request.actor ? viewerFor(request.actor) : undefined;
}

/**
 * `/ws` pushes the site's events as they commit, filtered to what the viewer may see.
 * The first frame is a snapshot of the rooms it can see, so a page that reconnects
 * shows the right state at once.
 */
export const liveRoutes: FastifyPluginAsync<{ store: SiteStore; auth: AuthService; allowedOrigins?: readonly string[] }> = async (app, { store, auth, allowedOrigins = [] }) => {
  await app.register(websocket, { options: { maxPayload: 4 * 1024 } });
  const viewers = new Map<WebSocket, Viewer>();
  const tracks = new TrackFeed(new TrackLinks(store));
  const unsubscribe = store.onCommit(({ events }) => {
    for (const [socket, viewer] of viewers) {
      if (viewer.kind === 'track') {
        tracks.send(socket, viewer, events.at(-1)?.seq ?? store.log.head.seq, events.map((e) => e.entity));
        continue;
      }
      for (const e of events) {
        const event = { type: e.type, entity: e.entity, state: JSON.parse(e.state) as unknown };
        if (!sees(viewer, event)) continue;
        const frame: LiveEvent = { kind: 'event', seq: e.seq, at: e.at, ...event, state: readableState(viewer, event) };
        socket.send(JSON.stringify(frame));
      }
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get('/ws', { websocket: true, schema: { hide: true }, preValidation: refuseForeignOrigins(allowedOrigins) }, (socket, request) => {
    const viewer = viewerOf(store, auth, tracks, request);
    if (!viewer) {
      socket.close(4401, 'sign in, or give device credentials, the room code or a tracking link');
      return;
    }
    socket.on('message', () => socket.close(4400, 'this feed only sends'));
    socket.on('close', () => viewers.delete(socket));
    viewers.set(socket, viewer);
    if (viewer.kind === 'track') {
      tracks.send(socket, viewer, store.log.head.seq);
      return;
    }
    const rooms = store.rooms.all().filter((room) => viewer.kind !== 'room' || room.id === viewer.room);
    const snapshot: LiveSnapshot = { kind: 'snapshot', head: store.log.head.seq, rooms };
    socket.send(JSON.stringify(snapshot));
  });
};
