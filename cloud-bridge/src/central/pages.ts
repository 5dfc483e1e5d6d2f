import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '@doorside/edge/http';

/** Where `npm run build` puts the kiosk pages; the cross-site view is `central.{html,js}`. */
export const kioskDist = fileURLToPath(new URL('../../../kiosk/dist/', import.meta.url));

export class PageNotBuilt extends DomainError {
  readonly code = 'PAGE_NOT_BUILT';
  constructor(page = 'central') {
    super(`the ${page === 'central' ? 'cross-site view' : `${page} page`} is not built on this server: run \`npm run build\` and reload`, { page });
  }
}

/**
 * The cross-site view at `/` and `/central`, its bundle under `/assets/`. The shell is read
 * per request and sent under the gateway's Content-Security-Policy, with its inline blocks allowed by hash.
 */
export const pageRoutes: FastifyPluginAsync<{ assets?: string }> = async (app, { assets = kioskDist }) => {
  await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, schemaHide: true, cacheControl: true, maxAge: 60_000 });
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(join(assets, 'icons', 'favicon.ico'))) throw new PageNotBuilt();
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400');
    return reply.sendFile('favicon.ico', join(assets, 'icons'), { cacheControl: false });
  });
  // The vendor's page: `/wo/{token}` swaps the link for a cookie and sends the browser here.
  app.get('/wo', { schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(join(assets, 'vendor.html')) || !existsSync(join(assets, 'vendor.js'))) throw new PageNotBuilt('vendor');
    const shell = await readFile(join(assets, 'vendor.html'), 'utf8').catch(() => { throw new PageNotBuilt('vendor'); });
    reply.pageHeaders(shell);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.type('text/html; charset=utf-8').send(shell);
  });
  for (const path of ['/', '/central']) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      if (!existsSync(join(assets, 'central.html')) || !existsSync(join(assets, 'central.js'))) throw new PageNotBuilt();
      const shell = await readFile(join(assets, 'central.html'), 'utf8').catch(() => { throw new PageNotBuilt(); });
      reply.pageHeaders(shell);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return reply.type('text/html; charset=utf-8').send(shell);
    });
  }
};
