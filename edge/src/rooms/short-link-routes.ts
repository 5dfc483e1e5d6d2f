import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../domain-error.ts';
import { type PublicAddress, shortCodeOf } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';
import { PRINTED_LANGUAGES, PRINTED_WORDS } from './qr-sheet-words.ts';

export class TooManyLookups extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(retryAfterSeconds: number) {
    super(`too many room codes tried from this address; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** A building's phones share one NAT address: generous for people typing, tight for anyone guessing 8-letter codes. */
export const defaultShortLinkLimit = { max: 30, windowMs: 60_000 };

const CodeParams = z.strictObject({ code: z.string().max(64) });
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a mistyped code gets: a plain HTML page in every language the labels are printed in. */
function unknownCodePage(): string {
  const parts = PRINTED_LANGUAGES.map((lang) =>
    `<section lang="${lang}"><h1>${escape(PRINTED_WORDS[lang].unknownCode)}</h1><p>${escape(PRINTED_WORDS[lang].unknownCodeHelp)}</p></section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${escape(PRINTED_WORDS.en.unknownCode)}</title><link rel="icon" href="/favicon.ico"></head><body>${parts.join('')}</body></html>`;
}

/**
 * `/r/{code}`: the short address printed under each QR code, for a phone that cannot scan.
 * It sends the phone on to the room's report page; the codes are found from the rooms' QR
 * secrets, so rotating a room's QR code retires its short code too.
 */
export const shortLinkRoutes: FastifyPluginAsync<{ store: SiteStore; links: PublicAddress; limit?: { max: number; windowMs: number } }> = async (app, { store, links, limit = defaultShortLinkLimit }) => {
  await app.register(rateLimit, { global: false });
  const check = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (request) => `short:${request.ip}` });
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/r/:code', {
    schema: { tags: ['occupant'], params: CodeParams, description: 'A room\'s short code: a redirect to its report page, or an HTML page saying the code is unknown.' },
    onRequest: async (request) => {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) throw new TooManyLookups(Math.max(1, result.ttlInSeconds));
    },
  }, async (request, reply) => {
    const wanted = request.params.code.toLowerCase();
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    for (const room of store.rooms.all()) {
      const secret = store.rooms.qrSecret(room.id);
      if (secret && shortCodeOf(secret) === wanted) return reply.redirect(links.reportUrl(room.id, secret), 302);
    }
    return reply.code(404).type('text/html; charset=utf-8').send(unknownCodePage());
  });
};
