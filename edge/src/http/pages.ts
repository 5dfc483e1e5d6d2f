import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RoomParams, TrackParams, TradeParams } from '../contracts/index.ts';
import { DomainError, Invalid, NotFound } from '../domain-error.ts';
import { AppEntries, appManifest, ManifestQuery, manifestSearch } from './app-manifest.ts';

/** Where `npm run build` puts the kiosk pages: `<page>.html` shells and `<page>.js` bundles. */
export const kioskDist = fileURLToPath(new URL('../../../kiosk/dist/', import.meta.url));

export class PageNotBuilt extends DomainError {
  readonly code = 'PAGE_NOT_BUILT';
  constructor(page: string) {
    super(`the ${page} page is not built on this gateway: run \`npm run build\` and reload`, { page });
  }
}

const ICON_MAX_AGE_S = 86_400;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Each page's address. A page is `kiosk/src/pages/<page>/`; its shell is served here. */
const pages = [
  { page: 'sign', path: '/sign/:room', params: RoomParams },
  { page: 'panel', path: '/panel/:room', params: RoomParams },
  { page: 'report', path: '/report/:room', params: RoomParams },
  { page: 'track', path: '/track/:token', params: TrackParams },
  /** The simulated payment provider's page. */
  { page: 'pay', path: '/pay/:tradeNo', params: TradeParams },
  { page: 'staff', path: '/staff', params: undefined },
  /** The vendor's work order: `/wo/{token}` swaps the link for a cookie and sends the browser here. */
  { page: 'vendor', path: '/wo', params: undefined },
  { page: 'dashboard', path: '/dashboard', params: undefined },
  /** The tenant portal; a mailed sign-in link carries its token in the fragment (`/portal#link=…`). */
  { page: 'portal', path: '/portal', params: undefined },
] as const;

/**
 * The kiosk pages: bundles under `/assets/`, and each page's HTML shell at its own
 * address. The shells are read per request, so a rebuild needs no restart; each is sent
 * with a Content-Security-Policy that allows its own inline blocks by hash.
 */
export const pageRoutes: FastifyPluginAsync<{ assets?: string }> = async (app, { assets = kioskDist }) => {
  await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, schemaHide: true, cacheControl: true, maxAge: 60_000 });
  // The icons change with a release at most: a day in the cache saves every page load asking again.
  await app.register(fastifyStatic, {
    root: join(assets, 'icons'), prefix: '/assets/icons/', index: false, schemaHide: true, decorateReply: false, cacheControl: true, maxAge: ICON_MAX_AGE_S * 1000,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => {
    const icon = await readFile(join(assets, 'icons', 'favicon.ico')).catch(() => { throw new PageNotBuilt('icon'); });
    return reply.type('image/x-icon').header('cache-control', `public, max-age=${ICON_MAX_AGE_S}`).send(icon);
  });

  // The service worker that shows pushes lives at the pages' own level, so its scope covers all of them.
  api.get('/push-worker.js', { schema: { hide: true } }, async (_request, reply) => {
    const script = await readFile(join(assets, 'push-worker.js'), 'utf8').catch(() => { throw new PageNotBuilt('push-worker'); });
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', './').send(script);
  });

  for (const { page, path } of pages) {
    api.get(`/${page}.webmanifest`, { schema: { hide: true, querystring: ManifestQuery } }, async (request, reply) => {
      const apps = AppEntries.parse(JSON.parse(await readFile(join(assets, 'apps.json'), 'utf8').catch(() => { throw new PageNotBuilt(page); })));
      const entry = apps[page];
      if (!entry) throw new NotFound('app', page);
      if (path.includes(':room') !== (request.query.room !== undefined)) {
        throw new Invalid('INVALID', path.includes(':room') ? `the ${page} page's manifest needs ?room=` : `the ${page} page has no room`, { room: request.query.room ?? null });
      }
      // A sign's manifest carries its secret in the start address: never stored on the way.
      return reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'no-store')
        .send(appManifest(page, entry, request.query, request.headers['accept-language']));
    });
  }

  for (const { page, path, params } of pages) {
    api.get(path, { schema: { hide: true, ...(params ? { params } : {}) } }, async (request, reply) => {
      if (!existsSync(join(assets, `${page}.html`)) || !existsSync(join(assets, `${page}.js`))) throw new PageNotBuilt(page);
      const built = await readFile(join(assets, `${page}.html`), 'utf8').catch(() => { throw new PageNotBuilt(page); });
      // An installed page starts at the address it was added from: its room (and a sign's query) go to its manifest.
      const room = (request.params as { room?: string }).room;
      const shell = built.replace(`${page}.webmanifest"`, `${page}.webmanifest${escapeAttribute(manifestSearch(room, request.query))}"`);
      reply.pageHeaders(shell);
      // Sign, report and tracking addresses carry secrets: keep them out of Referer headers and caches.
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(shell);
    });
  }
};
