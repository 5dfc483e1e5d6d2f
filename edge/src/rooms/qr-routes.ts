import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { qrSheetPdf } from '@doorside/firmware-config';
import { ErrorBody, RoomParams } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { CommandHandler } from '../commands/handler.ts';
import type { PublicAddress } from '../http/public-address.ts';
import { qrSheetFont, qrSheetLanguages, qrSheetTitle } from './qr-sheet-words.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const FloorParams = z.strictObject({ floor: z.coerce.number().int().min(-10).max(200) });

/** Printable QR stickers per floor, and replacing a room's code when a sticker is lost or misused. */
export const qrRoutes: FastifyPluginAsync<{ auth: AuthService; store: SiteStore; commands: CommandHandler; links: PublicAddress; siteName: string }> = async (app, { store, commands, links, siteName }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/rooms/:room/qr/rotate', {
    config: { right: 'manage-devices' },
    schema: { tags: ['rooms'], params: RoomParams, response: { 200: z.object({ room: z.string(), reportUrl: z.string(), reportApi: z.string(), shortUrl: z.string() }), ...errors } },
  }, async (request) => {
    const { room, secret } = await commands.handle(signedInActor(request), { room: request.params.room }, { type: 'rotate-qr' });
    return { room: room.id, reportUrl: links.reportUrl(room.id, secret), reportApi: links.reportApi(room.id, secret), shortUrl: links.shortUrl(secret) };
  });

  api.get('/api/qr-sheets/:floor', { config: { right: 'manage-devices' }, schema: { tags: ['rooms'], params: FloorParams, produces: ['application/pdf'] } }, async (request, reply) => {
    const onFloor = store.rooms.all().filter((r) => r.floor === request.params.floor);
    if (onFloor.length === 0) throw new NotFound('floor', String(request.params.floor));
    const font = qrSheetFont();
    const pdf = await qrSheetPdf({
      site: siteName, floor: request.params.floor, title: qrSheetTitle(siteName, request.params.floor), ...(font ? { font } : {}),
      rooms: onFloor.map((r) => {
        const secret = store.rooms.qrSecret(r.id)!;
        return { id: r.id, name: r.name, reportUrl: links.reportUrl(r.id, secret), shortUrl: links.shortUrl(secret), callToAction: qrSheetLanguages(r) };
      }),
    });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="qr-floor-${request.params.floor}.pdf"`).send(pdf);
  });
};
