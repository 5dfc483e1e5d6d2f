import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface Upload { buffer: Buffer; filename: string }

const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** The photos that came with a multipart request (empty for JSON). */
export function uploadedPhotos(request: FastifyRequest): Upload[] {
  return uploads.get(request) ?? [];
}

/**
 * Multipart bodies in the routes of this scope: text fields become the body that the
 * route's zod schema checks, files named `photos` are held aside. Tight limits, since
 * the multipart parser does not honour the JSON body limit.
 */
export async function acceptPhotoUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_PHOTOS, fields: 10, fieldSize: 8 * 1024, parts: MAX_PHOTOS + 10, headerPairs: 100 },
    async onFile(part) {
      const buffer = await part.toBuffer();
      const list = uploads.get(this) ?? [];
      list.push({ buffer, filename: part.filename });
      uploads.set(this, list);
    },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) return;
    const body = request.body as Record<string, unknown>;
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined || Buffer.isBuffer(value) || (Array.isArray(value) && value.every((v) => v === undefined || Buffer.isBuffer(v)))) delete body[key];
    }
  });
}
