import type {} from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuthState, ErrorBody, LoginBody, PanelLoginBody, Role, SessionView } from '../contracts/index.ts';
import { rightsOf } from '../rights/rights.ts';
import { Unauthorized } from '../domain-error.ts';
import type { AuthService } from './auth-service.ts';
import { type CookiePolicy, SESSION_COOKIE, clearSessionCookie, setSessionCookie } from './session-cookie.ts';

export interface AuthRoutesOptions { auth: AuthService; cookies: CookiePolicy }

const errors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, { auth, cookies }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const view = (s: { kind: 'user' | 'panel' | 'tenant'; subject: string; role: string; room: string | null; expiresAt: string }) => ({
    kind: s.kind, user: s.kind === 'user' ? s.subject : null, role: s.role, room: s.room, expiresAt: s.expiresAt,
  });

  api.post('/api/auth/login', { schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionView, ...errors } } }, async (request, reply) => {
    const { token, session } = await auth.login(request.body.username, request.body.password);
    setSessionCookie(reply, token, session.expiresAt, cookies);
    return view(session);
  });

  api.post('/api/auth/panel', { schema: { tags: ['auth'], body: PanelLoginBody, response: { 200: SessionView, ...errors } } }, async (request, reply) => {
    const { token, session } = await auth.panelLogin(request.body.room, request.body.pin);
    setSessionCookie(reply, token, session.expiresAt, cookies);
    return view(session);
  });

  api.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    clearSessionCookie(reply, cookies);
    return { ok: true as const };
  });

  api.get('/api/auth/session', { schema: { tags: ['auth'], response: { 200: SessionView, 401: ErrorBody } } }, async (request) => {
    const found = auth.actor(request.cookies[SESSION_COOKIE]);
    if (!found) throw new Unauthorized('SIGN_IN_REQUIRED', 'sign in first: no valid session');
    return view(found.session);
  });

  // What a page asks before anyone signed in: always 200, so a signed-out page logs no error.
  api.get('/api/auth/state', { schema: { tags: ['auth'], response: { 200: AuthState } } }, async (request) => {
    const found = auth.actor(request.cookies[SESSION_COOKIE]);
    if (!found) return { signedIn: false as const };
    const role = Role.safeParse(found.session.role);
    return { signedIn: true as const, session: view(found.session), rights: role.success ? rightsOf(role.data) : [] };
  });
};
