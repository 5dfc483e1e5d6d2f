import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Attachment, ErrorBody, QrQuery, ReportBody, ReportCreated, Room, RoomDetail, RoomParams, SetAlternativeRoomBody, SetRoomStatusBody } from '../contracts/index.ts';
import { NotFound, Unauthorized } from '../domain-error.ts';
import { roomHiddenFrom } from '../rights/refusal.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { occupantActor } from '../rights/actor.ts';
import { roomByCode } from './room-by-code.ts';
import { roomActions } from './room-actions.ts';
import { roomHold } from './room-hold.ts';
import { roomVisibleTo, ticketFor, visibleTo } from '../rights/visibility.ts';
import { BROWSER_COOKIE, type ReportLimits, reportRateLimits } from './report-rate-limit.ts';
import { newToken } from '../auth/token.ts';
import type { PhotoStore } from '../attachments/photo-store.ts';
import { acceptPhotoUploads, uploadedPhotos } from '../attachments/photo-uploads.ts';
import type { PublicAddress } from '../http/public-address.ts';

export interface RoomRoutesOptions {
  auth: AuthService; commands: CommandHandler; store: SiteStore; photos: PhotoStore; clock: () => string; reportLimits?: ReportLimits;
  /** Builds the tracking link a report is answered with. */
  links: PublicAddress;
}

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const browserCookie = { httpOnly: true, sameSite: 'lax', path: '/api/rooms', maxAge: 365 * 86_400 } as const;
const RoomQuery = z.strictObject({ k: QrQuery.shape.k.optional() });

export const roomRoutes: FastifyPluginAsync<RoomRoutesOptions> = async (app, { auth, commands, store, photos, clock, reportLimits, links }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/rooms', { config: { right: 'view' }, schema: { tags: ['rooms'], response: { 200: z.object({ rooms: z.array(Room) }), ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    return { rooms: store.rooms.all().filter((room) => roomVisibleTo(actor, room.id)) };
  });

  // Staff see the room's open tickets; an occupant holding the room's QR code sees its status only.
  api.get('/api/rooms/:room', { schema: { tags: ['rooms'], params: RoomParams, querystring: RoomQuery, response: { 200: RoomDetail, ...errors } } }, async (request, reply) => {
    const room = store.rooms.get(request.params.room);
    if (!room) throw new NotFound('room', request.params.room);
    const { actor } = request;
    if (actor) {
      const hidden = roomHiddenFrom(actor, room.id);
      if (hidden) throw hidden;
      const open = store.tickets.openInRoom(room.id);
      const hold = roomHold(room, open, (c) => store.directory.category(c));
      return { ...room, openTickets: open.filter((t) => visibleTo(actor, t)).map((t) => ticketFor(actor.role, t)), hold, actions: roomActions(actor, room) };
    }
    if (request.query.k) {
      roomByCode(store, room.id, request.query.k);
      // The room page hands each browser its own key, so report limits count per phone, not per Wi-Fi address.
      if (!request.cookies[BROWSER_COOKIE]) reply.setCookie(BROWSER_COOKIE, newToken(16), browserCookie);
      return { ...room, openTickets: [] };
    }
    throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in, or open this room from its QR code');
  });

  api.post('/api/rooms/:room/status', { config: { right: 'set-room-status' }, schema: { tags: ['rooms'], params: RoomParams, body: SetRoomStatusBody, response: { 200: Room, ...errors } } }, async (request) => {
    const actor = signedInActor(request);
    return commands.handle(actor, { room: request.params.room }, { type: 'set-room-status', ...request.body });
  });

  api.post('/api/rooms/:room/alternative', {
    config: { right: 'set-alternative-room' },
    schema: {
      tags: ['rooms'], params: RoomParams, body: SetAlternativeRoomBody, response: { 200: Room, ...errors },
      description: 'Names the room a sign sends people to while this one is Do Not Use or pending recovery; `null` clears it.',
    },
  }, async (request) => {
    const actor = signedInActor(request);
    return commands.handle(actor, { room: request.params.room }, { type: 'set-alternative-room', room: request.body.room });
  });

  await app.register(async (scoped) => {
    const limited = scoped.withTypeProvider<ZodTypeProvider>();
    const limitReports = await reportRateLimits(scoped, reportLimits);
    await acceptPhotoUploads(scoped);
    limited.post('/api/rooms/:room/reports', {
      onRequest: limitReports,
      schema: {
        tags: ['occupant'], consumes: ['application/json', 'multipart/form-data'], params: RoomParams, querystring: QrQuery, body: ReportBody,
        description: 'JSON, or multipart with the same fields and up to three images in `photos` (re-encoded, EXIF removed).',
        response: { 201: ReportCreated, ...errors },
      },
    }, async (request, reply) => {
      const target = { room: request.params.room, qr: request.query.k };
      const report = (attachments: Attachment[]) => ({ type: 'open-ticket' as const, kind: 'report' as const, priority: 'normal' as const, ...request.body, attachments });
      commands.check(occupantActor, target, report([]));
      const added: Attachment[] = [];
      let created;
      try {
        for (const file of uploadedPhotos(request)) added.push(await photos.ingest(file.buffer, 'occupant', clock(), file.filename));
        const { ticket, trackToken } = await commands.handle(occupantActor, target, report(added));
        created = { ticket, trackToken: trackToken!, trackUrl: links.trackUrl(trackToken!) };
      } catch (error) {
        photos.remove(added.map((a) => a.id));
        throw error;
      }
      if (!request.cookies[BROWSER_COOKIE]) {
        reply.setCookie(BROWSER_COOKIE, newToken(16), browserCookie);
      }
      return reply.code(201).send(created);
    });
  });
};
