import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Attachment, DisputeBody, ErrorBody, OccupantNoteAdded, OccupantNoteBody, OccupantNoteParams, OccupantRoomView, QrQuery, RoomParams, TrackParams, TrackView,
} from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import { newToken } from '../auth/token.ts';
import type { PhotoStore } from '../attachments/photo-store.ts';
import { acceptPhotoUploads, uploadedPhotos } from '../attachments/photo-uploads.ts';
import { BROWSER_COOKIE, defaultReportLimits, type ReportLimits, reportRateLimits, TooManyReports } from '../rooms/report-rate-limit.ts';
import type { SiteStore } from '../store/site-store.ts';
import { occupantRoomView } from '../rooms/occupant-room-view.ts';
import { occupantActor } from '../rights/actor.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { roomByCode } from '../rooms/room-by-code.ts';
import { TrackLinks } from './track-links.sqlite.ts';

export interface OccupantRoutesOptions {
  store: SiteStore; commands: CommandHandler; photos: PhotoStore; clock: () => string; reportLimits?: ReportLimits;
}

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 410: ErrorBody, 413: ErrorBody, 429: ErrorBody };
// The same cookie the room's report route hands out; limits then count per phone, not per Wi-Fi address.
const browserCookie = { httpOnly: true, sameSite: 'lax', path: '/api/rooms', maxAge: 365 * 86_400 } as const;
const multipartOrJson = ['application/json', 'multipart/form-data'];

/** At most one photo rides along with a note or a "not resolved"; it is re-encoded like a report's. */
async function ingestOne(photos: PhotoStore, request: FastifyRequest, at: string): Promise<Attachment[]> {
  const files = uploadedPhotos(request);
  if (files.length > 1) throw new Invalid('ONE_PHOTO_ONLY', 'send at most one photo with this', { max: 1 });
  return Promise.all(files.map((file) => photos.ingest(file.buffer, 'occupant', at, file.filename)));
}

/** Stores the photos, then the change; a refused change leaves no photo file behind. */
async function withPhotos<T>(photos: PhotoStore, request: FastifyRequest, at: string, change: (added: Attachment[]) => Promise<T>): Promise<T> {
  const added: Attachment[] = [];
  try {
    added.push(...await ingestOne(photos, request, at));
    return await change(added);
  } catch (error) {
    photos.remove(added.map((a) => a.id));
    throw error;
  }
}

/** A tracking link is the occupant's only key there, so "not resolved" is limited per link. */
async function perLinkLimit(app: FastifyInstance, { max, windowMs }: ReportLimits['perBrowser']): Promise<onRequestHookHandler> {
  await app.register(rateLimit, { global: false });
  const check = app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: (r) => `track:${String((r.params as { token?: unknown }).token)}` });
  return async (request) => {
    const limit = await check(request);
    if (!limit.isAllowed && limit.isExceeded) throw new TooManyReports('tracking link', Math.max(1, limit.ttlInSeconds));
  };
}

/**
 * The occupant's side without an account: the room their QR code opens, a note added to a
 * ticket already open there, and "not resolved" through the tracking link.
 */
export const occupantRoutes: FastifyPluginAsync<OccupantRoutesOptions> = async (app, { store, commands, photos, clock, reportLimits = defaultReportLimits }) => {
  const links = new TrackLinks(store);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/rooms/:room/public', {
    schema: {
      tags: ['occupant'], params: RoomParams, querystring: QrQuery, response: { 200: OccupantRoomView, ...errors },
      description: "What the room's QR code opens: the room's public status, open tickets to add to while it is held, the categories to report in.",
    },
  }, async (request, reply) => {
    const room = roomByCode(store, request.params.room, request.query.k);
    const view = occupantRoomView(room, store.tickets.openInRoom(room.id), store.directory.categories());
    // Says only that a session exists; what it may do here is asked of `/api/rooms/{room}/finished`.
    if (request.actor) view.signedIn = true;
    if (!request.cookies[BROWSER_COOKIE]) reply.setCookie(BROWSER_COOKIE, newToken(16), browserCookie);
    reply.header('cache-control', 'no-store');
    return view;
  });

  await app.register(async (scoped) => {
    const limited = scoped.withTypeProvider<ZodTypeProvider>();
    const limitNotes = await reportRateLimits(scoped, reportLimits);
    await acceptPhotoUploads(scoped);

    limited.post('/api/rooms/:room/tickets/:id/notes', {
      onRequest: limitNotes,
      schema: {
        tags: ['occupant'], consumes: multipartOrJson, params: OccupantNoteParams, querystring: QrQuery, body: OccupantNoteBody,
        description: 'Adds a public note (and, multipart, one photo in `photos`) to a ticket the room lists, instead of a duplicate report.',
        response: { 201: OccupantNoteAdded, ...errors },
      },
    }, async (request, reply) => {
      const { room, id } = request.params;
      const target = { room, qr: request.query.k };
      const note = (attachments: Attachment[]) => ({ type: 'add-occupant-note' as const, ticket: id, text: request.body.text, attachments });
      commands.check(occupantActor, target, note([]));
      const { ticket } = await withPhotos(photos, request, clock(), (added) => commands.handle(occupantActor, target, note(added)));
      return reply.code(201).send({ ticket });
    });
  });

  await app.register(async (scoped) => {
    const limited = scoped.withTypeProvider<ZodTypeProvider>();
    const limitDisputes = await perLinkLimit(scoped, reportLimits.perBrowser);
    await acceptPhotoUploads(scoped);

    limited.post('/api/track/:token/dispute', {
      onRequest: limitDisputes,
      schema: {
        tags: ['occupant'], consumes: multipartOrJson, params: TrackParams, body: DisputeBody,
        description: '"Not resolved" on a finished job: rejected under the category\'s policy, where the category lets occupants dispute. Multipart may carry one photo in `photos`.',
        response: { 200: TrackView, ...errors },
      },
    }, async (request) => {
      const { token } = request.params;
      const dispute = (attachments: Attachment[]) => ({ type: 'dispute' as const, ...request.body, attachments });
      commands.check(occupantActor, { track: token }, dispute([]));
      await withPhotos(photos, request, clock(), (added) => commands.handle(occupantActor, { track: token }, dispute(added)));
      return links.view(token);
    });
  });
};
