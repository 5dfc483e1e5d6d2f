import { createReadStream, existsSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../domain-error.ts';
import { signedInActor } from '../auth/sign-in.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { MailAttachmentStore } from './mail-attachment-store.ts';

const MailAttachmentParams = z.strictObject({ attachment: z.string().regex(/^M-[0-9a-f]{40}$/, 'a mail attachment id looks like M-…') });

/**
 * A file that came by mail, for whoever may view its ticket. It is what a stranger sent, so it
 * is always a download: a fixed type, `nosniff`, and its name only in the encoded `filename*`.
 */
export const mailFileRoutes: FastifyPluginAsync<{ store: SiteStore; files: MailAttachmentStore }> = async (app, { store, files }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/mail-attachments/:attachment', {
    config: { right: 'view' },
    schema: { tags: ['inquiries'], params: MailAttachmentParams, description: 'A file a mail brought (as sent, byte for byte), as a download, to those who may view its ticket.' },
  }, async (request, reply) => {
    const actor = signedInActor(request);
    const id = request.params.attachment;
    const ticketId = store.tickets.ticketOfAttachment(id);
    const ticket = ticketId ? store.tickets.get(ticketId) : undefined;
    const attachment = ticket?.attachments.find((a) => a.id === id);
    if (!ticket || !attachment || !visibleTo(actor, ticket) || !existsSync(files.path(id))) throw new NotFound('attachment', id);
    return reply.type('application/octet-stream').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${id}.bin"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
      .header('cache-control', 'private, max-age=3600').send(createReadStream(files.path(id)));
  });
};
