import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Announcement, AnnouncementList, AnnouncementListQuery, AnnouncementParams, AnnouncementReceipt, CreateAnnouncementBody, ErrorBody,
  PublicAnnouncements, publicAnnouncement, QrQuery, ReaderAnnouncements, RoomParams, TrackParams,
} from '../contracts/index.ts';
import { z } from 'zod';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { roomByCode } from '../rooms/room-by-code.ts';
import { tokenDigest } from '../auth/token.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reaches, readerOfActor } from './audience.ts';
import { reachOf } from './announcement-reach.ts';
import { liveInRoom } from './room-announcements.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['announcements'];

/** Writing, targeting, listing and taking down announcements; what a room, a reader and a sign are shown. */
export const announcementRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/announcements', {
    config: { right: 'manage-announcements' },
    schema: {
      tags, body: CreateAnnouncementBody, response: { 201: Announcement, ...errors },
      description: 'Writes an announcement: title and text in one or more of en, zh, nb, nl (the same languages for both), for the building, floors, zones, rooms, tenant companies or roles, from `startsAt` (absent: now) until `expiresAt`. Within a second of its start it is on the targeted rooms\' signs (retained on `doorside/{site}/rooms/{room}/announcement`), their occupant pages and the readers\' pages, and mailed to targeted persons who want mail; at expiry it is gone everywhere.',
    },
  }, async (request, reply) => {
    const made = await commands.handle(signedInActor(request), { announcements: true }, { type: 'create-announcement', ...request.body });
    return reply.code(201).send(made);
  });

  api.get('/api/announcements', {
    config: { right: 'manage-announcements' },
    schema: { tags, querystring: AnnouncementListQuery, response: { 200: AnnouncementList, ...errors }, description: 'Every announcement (or those of one status), the newest start first, each with its reach: rooms, signs, persons targeted, mails queued, read receipts.' },
  }, async (request) => {
    const list = store.announcements.list(request.query.status);
    const reach = reachOf(store, list);
    return { announcements: list.map((a) => ({ ...a, reach: reach.get(a.id)! })) };
  });

  api.post('/api/announcements/:id/withdraw', {
    config: { right: 'manage-announcements' },
    schema: { tags, params: AnnouncementParams, response: { 200: Announcement, ...errors }, description: 'Takes an announcement down now (or cancels one not yet started): it is cleared from signs and pages at once.' },
  }, async (request) => commands.handle(signedInActor(request), { announcement: request.params.id }, { type: 'withdraw-announcement' }));

  api.get('/api/announcements/current', {
    config: { right: 'read-announcements' },
    schema: { tags, response: { 200: ReaderAnnouncements, ...errors }, description: 'The announcements live now that are meant for the signed-in reader (staff: their role or the whole building; a tenant at the portal: also their company, floor and unit\'s rooms), the newest first, and whether they marked each read.' },
  }, async (request) => {
    const actor = signedInActor(request);
    const reader = readerOfActor(actor, (id) => store.entries.persons.get(id), () => store.entries.units.list(10_000));
    const mine = store.announcements.live().filter((a) => reaches(a, reader));
    return { announcements: mine.map((a) => ({ ...publicAnnouncement(a), read: store.announcements.readBy(a.id, actor.ref) })) };
  });

  api.post('/api/announcements/:id/read', {
    config: { right: 'read-announcements' },
    schema: { tags, params: AnnouncementParams, response: { 200: AnnouncementReceipt.extend({ first: z.boolean() }), ...errors }, description: 'The signed-in reader says they read a live announcement meant for them; once per reader (`first` is false after that).' },
  }, async (request) => commands.handle(signedInActor(request), { announcement: request.params.id }, { type: 'read-announcement' }));

  api.get('/api/rooms/:room/announcements', {
    schema: { tags: ['occupant', ...tags], params: RoomParams, querystring: QrQuery, response: { 200: PublicAnnouncements, ...errors }, description: 'The announcements live in the room now, the newest first, for the page its QR code opens.' },
  }, async (request, reply) => {
    const room = roomByCode(store, request.params.room, request.query.k);
    reply.header('cache-control', 'no-store');
    return { announcements: liveInRoom(store.announcements.live(), room.id).map(publicAnnouncement) };
  });

  api.get('/api/track/:token/announcements', {
    schema: { tags: ['occupant', ...tags], params: TrackParams, response: { 200: PublicAnnouncements, ...errors }, description: 'The announcements live now in the room of the ticket a tracking link follows, the newest first, for the tracking page.' },
  }, async (request, reply) => {
    const link = store.trackTokens.byDigest(tokenDigest(request.params.token));
    const ticket = link && store.tickets.get(link.ticket);
    if (!ticket) throw new NotFound('tracking link', 'given');
    reply.header('cache-control', 'no-store');
    return { announcements: liveInRoom(store.announcements.live(), ticket.room).map(publicAnnouncement) };
  });
};
