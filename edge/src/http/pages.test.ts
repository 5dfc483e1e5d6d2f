import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.ts';
import { pageRoutes } from './pages.ts';
import { securityHeaders } from './security-headers.ts';

describe('the kiosk pages on the gateway', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'doorside-pages-'));
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app);
    await securityHeaders(app, { secure: false });
    await app.register(pageRoutes, { assets: dir });
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 404 in the error shape, saying to run npm run build, when the sign page is not built', async () => {
    const url = '/sign/r101?device=sign-r101&secret=x';

    const res = await app.inject({ method: 'GET', url });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'PAGE_NOT_BUILT', message: expect.stringContaining('npm run build') });
    // The page's own policy was never set: the answer has the gateway's base headers.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self';.*script-src 'self';/);
  });

  it('serves the sign shell without leaking its address in a Referer', async () => {
    writeFileSync(join(dir, 'sign.html'), '<!doctype html><ds-sign-page></ds-sign-page>');
    writeFileSync(join(dir, 'sign.js'), 'export {};');

    const res = await app.inject({ method: 'GET', url: '/sign/r101?k=abc' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<ds-sign-page>');
  });

  it('allows exactly the shell\'s own inline style and script, by their hashes', async () => {
    writeFileSync(join(dir, 'report.html'), '<!doctype html><style>body { margin: 0; }</style><script>\n  window.early = 1;\n</script><script type="module" src="../assets/report.js"></script>');
    writeFileSync(join(dir, 'report.js'), 'export {};');

    const res = await app.inject({ method: 'GET', url: '/report/r101?k=abc' });

    const policy = String(res.headers['content-security-policy']);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(policy).toContain(`script-src 'self' ${hash('\n  window.early = 1;\n')};`);
    expect(policy).toContain(`style-src 'self' ${hash('body { margin: 0; }')};`);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('serves the bundles under /assets/ and nothing outside the build', async () => {
    writeFileSync(join(dir, 'sign.js'), 'export {};');

    const bundle = await app.inject({ method: 'GET', url: '/assets/sign.js' });
    const escape = await app.inject({ method: 'GET', url: '/assets/../package.json' });

    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(escape.statusCode).toBe(404);
  });

  it('refuses a room id that is not one', async () => {
    const url = '/sign/NOT%20A%20ROOM';

    const res = await app.inject({ method: 'GET', url });

    expect(res.statusCode).toBe(400);
  });
});
