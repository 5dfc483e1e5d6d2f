import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { LIVE_CLOSE, publicAnnouncement, type LiveEvent, type LiveSnapshot } from '../contracts/index.ts';
import { liveInRoom } from '../announcements/room-announcements.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { SiteStore } from '../store/site-store.ts';
import { readableState, sees, seesRoom, type Viewer } from './visibility.ts';
import { TrackFeed } from '../tickets/track-feed.ts';
import { slaOf } from '../service-levels/sla-keeper.ts';
import { TrackLinks } from '../tickets/track-links.sqlite.ts';
import { credentialsOf, viewerNow } from './live-credentials.ts';
import { LiveSockets } from './live-sockets.ts';
import { readsRequestsOnly, requestFrameState } from './request-feed.ts';
import { refuseForeignOrigins } from './origin-check.ts';

/**
 * The rooms a (non-track) viewer may see, as the first frame of a socket and again when its scope
 * changes; a room's feed also gets the announcements live there, which later events put up and take down.
 */
function snapshotFor(store: SiteStore, viewer: Viewer): LiveSnapshot {
  // A request reader (the tenant portal) follows requests, not the building's rooms.
  const rooms = readsRequestsOnly(viewer) ? [] : store.rooms.all().filter((room) => seesRoom(viewer, room.id));
  if (viewer.kind !== 'room') return { kind: 'snapshot', head: store.log.head.seq, rooms };
  const announcements = liveInRoom(store.announcements.live(), viewer.room).map(publicAnnouncement);
  return { kind: 'snapshot', head: store.log.head.seq, rooms, announcements };
}

/**
 * `/ws` pushes the site's events as they commit, filtered to what the viewer may see.
 * The first frame is a snapshot of the rooms it can see, so a page that reconnects
 * shows the right state at once. A socket lives no longer than the credentials it was
 * opened with (`live-sockets.ts`).
 */
export interface LiveRoutesOptions {
  store: SiteStore;
  auth: AuthService;
  /** Counts the feeds refused because their device already holds as many as it may. */
  refused: { inc(): void };
  liveRecheckMs?: number;
  allowedOrigins?: readonly string[];
  /** A device's live feed (a sign opened as a page) keeps that device online while it is open. */
  presence?: { feedOpened(device: string, at: string): void; feedClosed(device: string, at: string): void };
  clock?: () => string;
}

/** How long a feed has to answer the gateway's close when it stops before it is cut off. */
const CLOSE_GRACE_MS = 2000;

/**
 * When the gateway stops, every feed is told it is going away; one that has not answered
 * within the grace (a sign whose power or network went: ws itself would wait 30 s) is cut
 * off, so stopping never waits on it.
 */
function closeFeeds(this: FastifyInstance, done: () => void): void {
  const server = this.websocketServer;
  for (const client of server.clients) client.close(1001, 'the gateway is stopping');
  const cut = setTimeout(() => { for (const client of server.clients) client.terminate(); }, CLOSE_GRACE_MS);
  server.close(() => clearTimeout(cut));
  done();
}

export const liveRoutes: FastifyPluginAsync<LiveRoutesOptions> = async (app, { store, auth, refused, liveRecheckMs, allowedOrigins = [], presence, clock = () => new Date().toISOString() }) => {
  await app.register(websocket, { options: { maxPayload: 4 * 1024 }, preClose: closeFeeds });
  const tracks = new TrackFeed(new TrackLinks(store), store);
  const sockets = new LiveSockets({
    viewerNow: (credentials) => viewerNow({ store, auth, tracks }, credentials),
    rescoped: (socket, viewer) => { if (viewer.kind !== 'track') socket.send(JSON.stringify(snapshotFor(store, viewer))); },
    ...(liveRecheckMs ? { recheckMs: liveRecheckMs } : {}),
  });
  /** An event's state as it goes out: a ticket's change with its clocks as they stand after the commit. */
  const outgoing = (e: { entity: string; type: string; at: string; state: string }): unknown => {
    const state = JSON.parse(e.state) as unknown;
    if (!e.entity.startsWith('ticket:') || !e.type.startsWith('ticket-') || e.type === 'ticket-rated') return state;
    const sla = slaOf(store, e.entity.slice('ticket:'.length), e.at);
    return sla ? { ...(state as object), sla } : state;
  };
  const unsubscribe = store.onCommit(({ events, changes }) => {
    // Credentials this commit ended or narrowed are settled before its events go out.
    sockets.committed(changes);
    // Read once per event, whoever gets it.
    const states = new Map<number, unknown>();
    const stateOf = (e: (typeof events)[number]) => (states.has(e.seq) ? states.get(e.seq) : states.set(e.seq, outgoing(e)).get(e.seq));
    for (const [socket, viewer] of sockets.viewers()) {
      if (viewer.kind === 'track') {
        tracks.send(socket, viewer, events.at(-1)?.seq ?? store.log.head.seq, events.map((e) => e.entity));
        tracks.announce(socket, viewer, events.at(-1)?.seq ?? store.log.head.seq, events);
        continue;
      }
      for (const e of events) {
        if (readsRequestsOnly(viewer)) {
          // A tenant's frames are shaped from the plain state: the clocks are the staff's.
          const event = { type: e.type, entity: e.entity, state: JSON.parse(e.state) as unknown };
          const state = requestFrameState(store, viewer, event);
          if (state !== undefined) socket.send(JSON.stringify({ kind: 'event', seq: e.seq, at: e.at, ...event, state } satisfies LiveEvent));
          continue;
        }
        const event = { type: e.type, entity: e.entity, state: stateOf(e) };
        if (!sees(viewer, event)) continue;
        const frame: LiveEvent = { kind: 'event', seq: e.seq, at: e.at, ...event, state: readableState(viewer, event) };
        socket.send(JSON.stringify(frame));
      }
    }
  });
  app.addHook('onClose', async () => { unsubscribe(); sockets.stop(); });

  app.get('/ws', { websocket: true, schema: { hide: true }, preValidation: refuseForeignOrigins(allowedOrigins) }, (socket: WebSocket, request) => {
    const credentials = credentialsOf(store, request.query, request.cookies[SESSION_COOKIE]);
    const viewer = credentials && viewerNow({ store, auth, tracks }, credentials);
    if (!credentials || !viewer) {
      socket.close(LIVE_CLOSE.credentials, 'sign in, or give device credentials, the room code or a tracking link');
      return;
    }
    if (!sockets.mayOpen(credentials)) {
      refused.inc();
      socket.close(LIVE_CLOSE.tooMany, 'this device already has as many live feeds open as it may');
      return;
    }
    socket.on('message', () => socket.close(LIVE_CLOSE.sendOnly, 'this feed only sends'));
    sockets.add(socket, viewer, credentials);
    if (credentials.kind === 'device' && presence) {
      const device = credentials.device;
      presence.feedOpened(device, clock());
      socket.on('close', () => presence.feedClosed(device, clock()));
    }
    if (viewer.kind === 'track') {
      tracks.send(socket, viewer, store.log.head.seq);
      return;
    }
    socket.send(JSON.stringify(snapshotFor(store, viewer)));
  });
};
