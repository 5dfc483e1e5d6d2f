import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { qrSheetPdf } from '@doorside/firmware-config';
import { ErrorBody, RoomParams } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const FloorParams = z.strictObject({ floor: z.coerce.number().int().min(-10).max(200) });

/** Where a room's sticker sends an occupant (the report page), as the admin reaches the gateway. */
export const reportUrl = (request: FastifyRequest, room: string, secret: string) =>
  `${request.protocol}://${request.host}/report/${room}?k=${secret}`;

/** The endpoint the report page sends to, carrying the same code. */
export const reportApi = (request: FastifyRequest, room: string, secret: string) =>
  `${request.protocol}://${request.host}/api/rooms/${room}/reports?k=${secret}`;

/** Printable QR stickers per floor, and replacing a room's code when a sticker is lost or misused. */
export const qrRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore; commands: CommandHandler }> = async (app, { auth, store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/rooms/:room/qr/rotate', {
    config: { right: 'manage-devices' },
    schema: { tags: ['rooms'], params: RoomParams, response: { 200: z.object({ room: z.string(), reportUrl: z.string(), reportApi: z.string() }), ...errors } },
  }, async (request) => {
    const { room, secret } = await commands.handle(signedInActor(request), { room: request.params.room }, { type: 'rotate-qr' });
    return { room: room.id, reportUrl: reportUrl(request, room.id, secret), reportApi: reportApi(request, room.id, secret) };
  });

  api.get('/api/qr-sheets/:floor', { config: { right: 'manage-devices' }, schema: { tags: ['rooms'], params: FloorParams, produces: ['application/pdf'] } }, async (request, reply) => {
    const onFloor = store.rooms.all().filter((r) => r.floor === request.params.floor);
    if (onFloor.length === 0) throw new NotFound('floor', String(request.params.floor));
    const pdf = await qrSheetPdf({
      site: store.site, floor: request.params.floor,
      rooms: onFloor.map((r) => ({ id: r.id, name: r.name, reportUrl: reportUrl(request, r.id, store.rooms.qrSecret(r.id)!) })),
    });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="qr-floor-${request.params.floor}.pdf"`).send(pdf);
  });
};
