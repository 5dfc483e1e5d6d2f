import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

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
