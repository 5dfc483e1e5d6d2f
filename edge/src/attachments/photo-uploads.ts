import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Invalid } from '../domain-error.ts';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface Upload { buffer: Buffer; filename: string }

const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** The photos that came with a multipart request (empty for JSON). */
export function uploadedPhotos(request: FastifyRequest): Upload[] {
  return uploads.get(request) ?? [];
}

/**
 * A body the multipart parser could not read: no boundary, a part cut short, a boundary
 * never closed. It is the sender's fault, so a 400 with the parser's reason; the parser's
 * own limit refusals (413) and the prototype guard (400) keep their codes.
 */
function unreadable(error: unknown): unknown {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 406) return error;
  const reason = error instanceof Error ? error.message.replace(/^Multipart: /, '').slice(0, 200) : 'unreadable';
  return new Invalid('BAD_MULTIPART', `the multipart body could not be read: ${reason}`, { reason });
}

/**
 * Multipart bodies in the routes of this scope: text fields become the body that the
 * route's zod schema checks, files are held aside in memory until the route has checked
 * the request, so a body that breaks off halfway leaves nothing behind. Tight limits,
 * since the multipart parser does not honour the JSON body limit.
 */
export async function acceptPhotoUploads(app: FastifyInstance, limits: { files: number; fileSize: number } = { files: MAX_PHOTOS, fileSize: MAX_PHOTO_BYTES }): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: limits.fileSize, files: limits.files, fields: 10, fieldSize: 8 * 1024, parts: limits.files + 10, headerPairs: 100 },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, unknown> = {};
    const files: Upload[] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          files.push({ buffer: await part.toBuffer(), filename: part.filename });
          continue;
        }
        // A field sent twice becomes a list, which the route's schema then judges.
        const before = fields[part.fieldname];
        fields[part.fieldname] = before === undefined ? part.value : [...(Array.isArray(before) ? before : [before]), part.value];
      }
    } catch (error) {
      throw unreadable(error);
    }
    request.body = fields;
    uploads.set(request, files);
  });
}
