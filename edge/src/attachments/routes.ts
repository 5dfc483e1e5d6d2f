import { createReadStream } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Attachment, AttachmentId, ErrorBody, TicketParams } from '../contracts/index.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { SiteStore } from '../store/site-store.ts';
import { visibleTo } from '../rights/visibility.ts';
import { refusal } from '../rights/refusal.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { PhotoStore } from './photo-store.ts';
import { acceptPhotoUploads, uploadedPhotos } from './photo-uploads.ts';

export interface AttachmentRoutesOptions { auth: AuthService; commands: CommandHandler; store: SiteStore; photos: PhotoStore; clock: () => string }

const AttachmentParams = z.strictObject({ attachment: AttachmentId });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };

/** Staff and door panels add photos to a ticket (multipart, field `photos`), then name them in complete or reject. */
export const attachmentRoutes: FastifyPluginAsync<AttachmentRoutesOptions> = async (app, { auth, commands, store, photos, clock }) => {
  await acceptPhotoUploads(app);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/tickets/:id/attachments', {
    config: { right: 'comment' },
    schema: { tags: ['tickets'], consumes: ['multipart/form-data'], params: TicketParams, response: { 201: z.object({ attachments: z.array(Attachment) }), ...errors } },
  }, async (request, reply) => {
    const actor = signedInActor(request);
    const ticket = store.tickets.get(request.params.id);
    if (!ticket) throw new NotFound('ticket', request.params.id);
    // Whoever may comment may attach photos: refused as the attach command would be, before any photo is stored.
    const refused = refusal(actor, 'comment', ticket);
    if (refused) throw refused;
    const files = uploadedPhotos(request);
    if (files.length === 0) throw new Invalid('NO_PHOTOS', 'send one to three images as multipart form fields named "photos"');
    const added: Attachment[] = [];
    try {
      for (const file of files) added.push(await photos.ingest(file.buffer, actor.ref, clock(), file.filename));
      await commands.handle(actor, { ticket: ticket.id }, { type: 'attach', attachments: added });
    } catch (error) {
      photos.remove(added.map((a) => a.id));
      throw error;
    }
    return reply.code(201).send({ attachments: added });
  });

  api.get('/api/attachments/:attachment', { config: { right: 'view' }, schema: { tags: ['tickets'], params: AttachmentParams } }, async (request, reply) => {
    const actor = signedInActor(request);
    const ticketId = store.tickets.ticketOfAttachment(request.params.attachment);
    const ticket = ticketId ? store.tickets.get(ticketId) : undefined;
    if (!ticket || !visibleTo(actor, ticket)) throw new NotFound('attachment', request.params.attachment);
    // The type is what the store wrote and the name is the id: nothing the sender chose reaches these headers.
    const { type, extension } = PhotoStore.media;
    return reply.type(type).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${request.params.attachment}.${extension}"`)
      .header('cache-control', 'private, max-age=3600').send(createReadStream(photos.path(request.params.attachment)));
  });
};
