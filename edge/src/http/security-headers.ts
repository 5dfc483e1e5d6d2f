import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** A Host header fit to be named in a policy: a name or an IP address, and a port. */
const hostPattern = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The page's own `/ws`, named outright: some browsers still on phones do not count ws: as 'self'. */
function ownSocket(request: IncomingMessage): string {
  const host = request.headers.host;
  return host && hostPattern.test(host) ? `ws://${host} wss://${host}` : "'self'";
}

type Directives = Record<string, (string | ((request: IncomingMessage) => string))[]>;

/**
 * What the kiosk pages need and no more: their scripts and styles from the gateway (inline
 * ones only by hash, see `pagePolicy`), photo previews from blob: and data: URLs, fetches and
 * the live feed to the gateway itself; no plugins, no frames, no inline event handlers or
 * style attributes. No `upgrade-insecure-requests`: the gateway serves the building network
 * over plain HTTP, and upgraded requests would fail there.
 */
const directives: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'none'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'connect-src': ["'self'", ownSocket],
};

/** What helmet does to an answer's headers, in order: set one to a value, or remove it (`null`). */
type HeaderStep = [name: string, value: string | number | readonly string[] | null];

/** Hosts whose headers are kept: the few addresses the gateway is reached by; any other is worked out each time. */
const keptHosts = 32;

declare module 'fastify' {
  interface FastifyReply {
    /** The security headers with the policy for this page shell: its own inline blocks allowed by hash. */
    pageHeaders(shell: string): FastifyReply;
  }
}

/** The headers a helmet middleware sets for this request, recorded rather than written. */
function recorded(middleware: ReturnType<typeof helmet>, request: IncomingMessage): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const answer = { setHeader: (name: string, value: HeaderStep[1]) => void steps.push([name, value]), removeHeader: (name: string) => void steps.push([name, null]) };
  middleware(request, answer as unknown as ServerResponse, (error?: unknown) => { if (error) throw error; });
  return steps;
}

/**
 * Kept with the reply's own headers, so they are checked and written with the answer. A header
 * the route set itself stays as the route set it unless `overwrite`.
 */
function replay(reply: FastifyReply, steps: readonly HeaderStep[], overwrite: boolean): FastifyReply {
  for (const [name, value] of steps) {
    if (value === null) reply.removeHeader(name);
    else if (overwrite || !reply.hasHeader(name)) reply.header(name, value);
  }
  return reply;
}

/**
 * The security headers on every answer (helmet): the policy above, nosniff, no framing, no
 * referrer, same-origin opener and resources. HSTS only where the gateway is reached over HTTPS
 * (`secure`), as the browser ignores it on plain HTTP anyway.
 *
 * helmet's middleware is built once, and what it sets is recorded once per Host header (the
 * only part of a request the policy reads, see `ownSocket`) and replayed by one synchronous
 * hook as the answer is sent; a header the route set itself is kept. A page route calls
 * `reply.pageHeaders(shell)`, which sets the same headers with the policy for that shell, so
 * the hook finds them set and leaves them; an error answer from such a route gets the base ones.
 */
export async function securityHeaders(app: FastifyInstance, { secure }: { secure: boolean }): Promise<void> {
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: secure ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  } satisfies HelmetOptions;
  const middleware = helmet(options);
  const byHost = new Map<string, HeaderStep[]>();
  // Set as the answer leaves (errors and not-found included), not as the request comes in: a
  // command's work, and the sign it changes, do not wait for a dozen header writes.
  app.addHook('onSend', (request, reply, payload, done) => {
    const host = request.raw.headers.host ?? '';
    let steps = byHost.get(host);
    if (!steps) {
      steps = recorded(middleware, request.raw);
      if (byHost.size < keptHosts) byHost.set(host, steps);
    }
    replay(reply, steps, false);
    done(null, payload);
  });
  app.decorateReply('pageHeaders', function pageHeaders(this: FastifyReply, shell: string) {
    return replay(this, recorded(helmet({ ...options, ...pagePolicy(shell) }), this.request.raw), true);
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineBlock = /<(script|style)>([\s\S]*?)<\/\1>/g;

/**
 * The policy for one page shell: the base policy, plus the hash of each inline `<script>`
 * and `<style>` the shell holds (its first paint style, the report page's early room
 * request). Taken from the very shell being sent, so a rebuilt page can never be served
 * with another page's hashes.
 */
function pagePolicy(shell: string): Pick<HelmetOptions, 'contentSecurityPolicy'> {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, body] of shell.matchAll(inlineBlock)) (tag === 'script' ? scripts : styles).push(sha256(body!));
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, 'script-src': ["'self'", ...scripts], 'style-src': ["'self'", ...styles] },
    },
  };
}
