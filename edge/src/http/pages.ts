import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RoomParams, TrackParams } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import { pagePolicy } from './security-headers.ts';

/** Where `npm run build` puts the kiosk pages: `<page>.html` shells and `<page>.js` bundles. */
export const kioskDist = fileURLToPath(new URL('../../../kiosk/dist/', import.meta.url));

export class PageNotBuilt extends DomainError {
  readonly code = 'PAGE_NOT_BUILT';
  constructor(page: string) {
    super(`the ${page} page is not built on this gateway: run \`npm run build\` and reload`, { page });
  }
}

/** Each page's address. A page is `kiosk/src/pages/<page>/`; its shell is served here. */
const pages = [
  { page: 'sign', path: '/sign/:room', params: RoomParams },
  { page: 'panel', path: '/panel/:room', params: RoomParams },
  { page: 'report', path: '/report/:room', params: RoomParams },
  { page: 'track', path: '/track/:token', params: TrackParams },
  { page: 'staff', path: '/staff', params: undefined },
  { page: 'dashboard', path: '/dashboard', params: undefined },
] as const;

/**
 * The kiosk pages: bundles under `/assets/`, and each page's HTML shell at its own
 * address. The shells are read per request, so a rebuild needs no restart; each is sent
 * with a Content-Security-Policy that allows its own inline blocks by hash.
 */
export const pageRoutes: FastifyPluginAsync<{ assets?: string }> = async (app, { assets = kioskDist }) => {
  await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, schemaHide: true, cacheControl: true, maxAge: 60_000 });

  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const { page, path, params } of pages) {
    api.get(path, { helmet: false, schema: { hide: true, ...(params ? { params } : {}) } }, async (_request, reply) => {
      if (!existsSync(join(assets, `${page}.html`)) || !existsSync(join(assets, `${page}.js`))) throw new PageNotBuilt(page);
      const shell = await readFile(join(assets, `${page}.html`), 'utf8').catch(() => { throw new PageNotBuilt(page); });
      await reply.helmet(pagePolicy(shell));
      // Sign, report and tracking addresses carry secrets: keep them out of Referer headers and caches.
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(shell);
    });
  }
};
