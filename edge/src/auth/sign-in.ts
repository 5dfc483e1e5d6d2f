import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Unauthorized } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { assertMay } from '../rights/refusal.ts';
import type { Right } from '../rights/rights.ts';
import type { AuthService } from './auth-service.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the session cookie signs in, if anyone. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The right a route needs: its caller must be signed in and hold it; `signed-in` asks only for a session. */
    right?: Right | 'signed-in';
  }
}

/** Up to this many announced bytes, a refused request's body is read and dropped so the connection stays usable. */
const DRAINED_BODY_BYTES = 64 * 1024;

/**
 * Whether a refused request's body is too big (or of unknown length) to read: the answer then
 * closes the connection. A small body is read and dropped instead, since a client still
 * writing it would otherwise see its connection cut before it reads the answer.
 */
const bodyTooBigToDrain = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > DRAINED_BODY_BYTES;

/**
 * Sign-in for every route: one hook sets the request's actor from the session cookie and,
 * where a route's config names a right, refuses a caller without a session (401) or
 * without the right (403). The command handler judges the rest (scope, status).
 *
 * It runs when the request's head is in, before any body is read: a photo upload is read by
 * its multipart parser in full before validation, so judging later would let anyone make the
 * gateway take in megabytes first. A refused request with a body of more than 64 KiB (or of
 * unknown length) is answered with `Connection: close`, so the rest of that body is never read.
 */
export function installSignIn(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  // A callback hook: nothing here awaits, so no promise is made for every request.
  app.addHook('onRequest', (request, reply, done) => {
    request.actor = auth.actor(request.cookies[SESSION_COOKIE])?.actor ?? null;
    const right = request.routeOptions.config.right;
    if (right === undefined) return done();
    try {
      const actor = signedInActor(request);
      if (right !== 'signed-in') assertMay(actor.role, right);
    } catch (error) {
      if (bodyTooBigToDrain(request)) reply.header('connection', 'close');
      return done(error as Error);
    }
    done();
  });
}

/** The request's actor on a route that asks for sign-in. */
export function signedInActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in first: no valid session');
  return request.actor;
}
