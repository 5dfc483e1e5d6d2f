import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { Refusal } from '../domain-error.ts';

const reading = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The media type of a Content-Type header, lower case, without its parameters. */
const mediaType = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase() ?? '';

/** Whether the route says it takes a multipart body (photos). */
const takesFiles = (request: FastifyRequest) =>
  ((request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes('multipart/form-data');

/**
 * A change sent with the session cookie must say it is JSON (or multipart, where the route
 * takes photos). A page on another site can make a browser send a form (url-encoded,
 * text/plain or multipart) with the cookie attached, but cannot set `application/json`
 * without a CORS preflight the gateway never grants; so cross-site forms are refused here
 * and do not rest on the cookie's SameSite attribute alone. Checked before the body is read.
 */
export function requireJsonFromSignedIn(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (reading.has(request.method) || request.is404) return done();
    if (request.cookies[SESSION_COOKIE] === undefined) return done();
    const type = mediaType(request.headers['content-type']);
    if (type === 'application/json' || (type === 'multipart/form-data' && takesFiles(request))) return done();
    done(new Refusal('JSON_REQUIRED', `a signed-in change is sent as application/json${takesFiles(request) ? ' or multipart/form-data' : ''} (send {} when there is nothing to say)`, {
      contentType: type || null,
    }));
  });
}
