import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Unauthorized } from '../domain-error.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Actor } from '../rights/actor.ts';

export const SESSION_COOKIE = 'ds_session';

export interface CookiePolicy { secure: boolean }

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, policy: CookiePolicy): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'strict', secure: policy.secure, path: '/', expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: policy.secure, path: '/' });
}

/** The actor behind the request's session cookie, or undefined. */
export function optionalActor(auth: AuthService, request: FastifyRequest): Actor | undefined {
  return auth.actor(request.cookies[SESSION_COOKIE])?.actor;
}

export function requireActor(auth: AuthService, request: FastifyRequest): Actor {
  const actor = optionalActor(auth, request);
  if (!actor) throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in first: no valid session');
  return actor;
}
