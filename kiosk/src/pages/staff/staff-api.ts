import { ActionResult, type Attachment, SessionView, StaffQueue } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { ApiError } from '../panel/panel-api.ts';

export { ApiError };
export type ActionResultBody = z.infer<typeof ActionResult>;
export type Session = z.infer<typeof SessionView>;

/** The ticket actions the queue page sends; `release` hands a ticket back to its team. */
export type StaffAction = 'claim' | 'accept' | 'start' | 'complete' | 'transfer' | 'release' | 'comment';

/** `/ws` beside the page, so a path prefix in front of the gateway (a proxy) is kept. */
export function liveAddress(page: string): string {
  const url = new URL('./ws', page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The gateway's HTTP API as the staff queue uses it; the session travels in its httpOnly cookie. */
export class StaffApi {
  constructor(private readonly base: URL) {}

  async session(): Promise<Session | undefined> {
    try {
      return SessionView.parse(await this.#send('GET', '/api/auth/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  async signIn(username: string, password: string): Promise<Session> {
    return SessionView.parse(await this.#send('POST', '/api/auth/login', { username, password }));
  }

  async signOut(): Promise<void> {
    await this.#send('POST', '/api/auth/logout');
  }

  async queue(): Promise<StaffQueue> {
    return StaffQueue.parse(await this.#send('GET', '/api/queue'));
  }

  act(ticket: string, action: StaffAction, body: object = {}): Promise<ActionResultBody> {
    return this.#send('POST', `/api/tickets/${encodeURIComponent(ticket)}/${action}`, body) as Promise<ActionResultBody>;
  }

  /** Sends photos in one request (the gateway takes up to three) and answers with their attachment ids. */
  async upload(ticket: string, photos: File[]): Promise<string[]> {
    const form = new FormData();
    for (const photo of photos) form.append('photos', photo, photo.name || 'photo.jpg');
    const body = (await this.#send('POST', `/api/tickets/${encodeURIComponent(ticket)}/attachments`, form)) as { attachments: Attachment[] };
    return body.attachments.map((a) => a.id);
  }

  photoUrl(attachment: string): string {
    return new URL(`./api/attachments/${encodeURIComponent(attachment)}`, this.base).href;
  }

  async #send(method: string, path: string, body?: unknown): Promise<unknown> {
    const isForm = body instanceof FormData;
    const response = await fetch(new URL(`.${path}`, this.base), {
      method,
      credentials: 'same-origin',
      ...(body === undefined ? {} : isForm ? { body } : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const parsed = (await response.json().catch(() => ({}))) as { error?: string; message?: string; details?: unknown };
    if (!response.ok) {
      // A rate limit may say how long to wait only in its Retry-After header.
      const retry = Number(response.headers.get('retry-after'));
      const details = Number.isFinite(retry) && retry > 0 && (typeof parsed.details !== 'object' || parsed.details === null || !('retryAfterSeconds' in parsed.details))
        ? { ...(parsed.details as object | undefined), retryAfterSeconds: retry } : parsed.details;
      throw new ApiError(response.status, parsed.error ?? 'HTTP_ERROR', parsed.message ?? `HTTP ${response.status}`, details);
    }
    return parsed;
  }
}
