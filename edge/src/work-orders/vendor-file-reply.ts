import type { FastifyReply } from 'fastify';

/**
 * Sends a work order's file to a vendor's link, site and central server alike: a PDF as a
 * download, a photo inline. The type is what the site's store wrote and the name is the id:
 * nothing the sender chose reaches these headers.
 */
export function sendVendorFile(reply: FastifyReply, id: string, pdf: boolean, body: unknown): FastifyReply {
  return reply.type(pdf ? 'application/pdf' : 'image/jpeg').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
    .header('content-disposition', `${pdf ? 'attachment' : 'inline'}; filename="${id}.${pdf ? 'pdf' : 'jpg'}"`)
    .header('cache-control', 'private, max-age=3600').send(body);
}
