import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../domain-error.ts';

/** Whether `origin` names the host the request came in on (http or https, the same host and port). */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * A browser always says which page opens a WebSocket, and sends the gateway's cookies with it
 * whatever that page is. So a browser connection is taken only from the gateway's own pages
 * (the origin of the Host it was reached on) or an origin the site lists
 * (`DOORSIDE_ALLOWED_ORIGINS`). A client that sends no Origin is no browser: signs and tools
 * sign in with their own credentials, which no other page holds.
 */
export function refuseForeignOrigins(allowed: readonly string[]): (request: FastifyRequest) => Promise<void> {
  const listed = new Set(allowed.map((origin) => origin.toLowerCase()));
  return async (request) => {
    const { origin } = request.headers;
    if (origin === undefined || listed.has(origin.toLowerCase()) || isOwnOrigin(origin, request.headers.host)) return;
    throw new Forbidden('FOREIGN_ORIGIN', 'the live feed takes browser connections only from the gateway\'s own pages', { origin: origin.slice(0, 200) });
  };
}
