import { AuthState, SessionView } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { ApiError, retryAfterOf } from './api-error.ts';
import { readErrorBody } from './error-body.ts';

export { ApiError };

/**
 * One request to the gateway the page came from (paths resolve against `base`, so a path
 * prefix in front of the gateway is kept); JSON or a multipart form; a refusal becomes an
 * ApiError. A change with nothing to say is sent as `{}` in JSON: the gateway refuses a
 * body-less change from a signed-in page, as it would a form from another site. A rate limit that says how long to wait only in its Retry-After header has
 * that wait copied into the details.
 */
export async function sendToGateway(base: URL, method: string, path: string, body?: unknown): Promise<unknown> {
  const payload = body ?? (method === 'GET' || method === 'HEAD' ? undefined : {});
  const response = await fetch(new URL(`.${path}`, base), {
    method,
    credentials: 'same-origin',
    ...(payload === undefined ? {} : payload instanceof FormData ? { body: payload } : { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
  });
  const parsed: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const refusal = readErrorBody(parsed);
    const retry = Number(response.headers.get('retry-after'));
    const details = Number.isFinite(retry) && retry > 0 && retryAfterOf(refusal.details) === undefined
      ? { ...(typeof refusal.details === 'object' ? refusal.details : {}), retryAfterSeconds: retry } : refusal.details;
    throw new ApiError(response.status, refusal.error, refusal.message ?? `HTTP ${response.status}`, details);
  }
  return parsed;
}

export type Session = z.infer<typeof SessionView>;

/** The gateway's API for pages whose users sign in with a password; the session travels in its httpOnly cookie. */
export class SignedInApi {
  constructor(protected readonly base: URL) {}

  /** The current session, or nothing when no one is signed in (asked without a 401, so the console stays clean). */
  async session(): Promise<Session | undefined> {
    const state = AuthState.parse(await this.send('GET', '/api/auth/state'));
    return state.signedIn ? state.session : undefined;
  }

  async signIn(username: string, password: string): Promise<Session> {
    return SessionView.parse(await this.send('POST', '/api/auth/login', { username, password }));
  }

  async signOut(): Promise<void> {
    await this.send('POST', '/api/auth/logout');
  }

  protected send(method: string, path: string, body?: unknown): Promise<unknown> {
    return sendToGateway(this.base, method, path, body);
  }
}
