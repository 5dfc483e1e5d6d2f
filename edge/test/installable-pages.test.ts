import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gw.http}${path}`, { headers });
const maxAge = (response: Response) => Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1] ?? 0);

describe('GET /api/auth/state', () => {
  it('tells an anonymous caller only that it is signed out, with 200', async () => {
    const res = await gw.call('GET', '/api/auth/state');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ signedIn: false });
  });

  it('treats a forged cookie as signed out', async () => {
    const res = await gw.call('GET', '/api/auth/state', { cookie: 'ds_session=forged-token-value-that-matches-nothing' });

    expect(res.body).toEqual({ signedIn: false });
  });

  it('describes the session of a signed-in caller', async () => {
    const res = await gw.call('GET', '/api/auth/state', { cookie: await gw.login('sofia') });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ signedIn: true, session: { kind: 'user', user: 'sofia', role: 'supervisor', room: null } });
  });

  it('lists the rights of the signed-in role, so a page shows only the forms it may send', async () => {
    const supervisor = await gw.call('GET', '/api/auth/state', { cookie: await gw.login('sofia') });
    const reception = await gw.call('GET', '/api/auth/state', { cookie: await gw.login('rita') });

    expect(supervisor.body.rights).toEqual(expect.arrayContaining(['manage-directory', 'link']));
    expect(reception.body.rights).toContain('link');
    expect(reception.body.rights).not.toContain('manage-directory');
  });
});

describe('icons', () => {
  it('serves /favicon.ico as an icon, cached for a day or more', async () => {
    const res = await get('/favicon.ico');
    const bytes = Buffer.from(await res.arrayBuffer());

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(bytes.readUInt16LE(0)).toBe(0);
    expect(bytes.readUInt16LE(2)).toBe(1);
    expect(maxAge(res)).toBeGreaterThanOrEqual(86_400);
  });

  it.each([['/assets/icons/doorside.svg', 'image/svg+xml'], ['/assets/icons/doorside-192.png', 'image/png'], ['/assets/icons/doorside-512.png', 'image/png']])('serves %s as %s with a cache header', async (path, type) => {
    const res = await get(path);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(maxAge(res)).toBeGreaterThanOrEqual(86_400);
  });
});

describe('web app manifests', () => {
  const manifest = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    return { res, body: await res.json() as Record<string, any> };
  };
  const resolved = (path: string, relative: string) => new URL(relative, `${gw.http}${path}`).href;

  it('makes the sign a fullscreen app that starts at the address it was added from', async () => {
    const sign = gw.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r101')!;
    const query = new URL(sign.url!).search;
    const path = `/sign.webmanifest${query}&room=r101`;
    const { res, body } = await manifest(path);

    expect(body.display).toBe('fullscreen');
    expect(resolved(path, body.scope)).toBe(`${gw.http}/sign/`);
    expect(resolved(path, body.start_url)).toBe(sign.url);
    expect(body.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(body.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(body.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    // It carries the sign's secret: never stored on the way.
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('makes the panel a fullscreen app for its room', async () => {
    const path = '/panel.webmanifest?room=r104';
    const { body } = await manifest(path);

    expect(body.display).toBe('fullscreen');
    expect(resolved(path, body.scope)).toBe(`${gw.http}/panel/`);
    expect(resolved(path, body.start_url)).toBe(`${gw.http}/panel/r104`);
  });

  it.each(['staff', 'dashboard'])('makes the %s page a standalone app', async (page) => {
    const path = `/${page}.webmanifest`;
    const { body } = await manifest(path);

    expect(body.display).toBe('standalone');
    expect(resolved(path, body.start_url)).toBe(`${gw.http}/${page}`);
    expect(resolved(path, body.scope)).toBe(`${gw.http}/`);
  });

  it('makes the tenant portal an installable app that starts at /portal, named in each of the four languages, linked from its page', async () => {
    const names = await Promise.all(['en', 'zh', 'nb', 'nl'].map(async (lang) => (await manifest(`/portal.webmanifest?lang=${lang}`)).body));
    const shell = await (await get('/portal')).text();

    expect(names.map((m) => m.lang)).toEqual(['en', 'zh', 'nb', 'nl']);
    expect(new Set(names.map((m) => m.name)).size).toBe(4);
    expect(names[1]!.name).toMatch(/[\u4e00-\u9fff]/);
    expect(names[0]!.display).toBe('standalone');
    expect(resolved('/portal.webmanifest', names[0]!.start_url)).toBe(`${gw.http}/portal?lang=en`);
    expect(resolved('/portal.webmanifest', (await manifest('/portal.webmanifest')).body.start_url)).toBe(`${gw.http}/portal`);
    expect(names[0]!.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(shell).toContain('<link rel="manifest" href="./portal.webmanifest">');
  });

  it('names the app in the reader\'s language', async () => {
    const { body: nb } = await manifest('/staff.webmanifest', { 'accept-language': 'nb-NO,nb;q=0.9,en;q=0.5' });
    const { body: en } = await manifest('/staff.webmanifest');

    expect(nb.lang).toBe('nb');
    expect(nb.name).not.toBe(en.name);
    expect(en.lang).toBe('en');
  });

  it('refuses a manifest for a room address that is not one', async () => {
    const res = await gw.call('GET', '/panel.webmanifest?room=..%2Fetc');

    expect(res.status).toBe(400);
    expect(res.body.error).toBeTypeOf('string');
  });

  it('links the manifest, the icons and the theme colour from the page shells', async () => {
    const shell = await (await get('/panel/r104')).text();
    const staff = await (await get('/staff')).text();

    expect(shell).toContain('<link rel="manifest" href="../panel.webmanifest?room=r104">');
    expect(shell).toMatch(/<link rel="icon" href="\.\.\/assets\/icons\/doorside\.svg" type="image\/svg\+xml">/);
    expect(shell).toMatch(/<link rel="apple-touch-icon" href="\.\.\/assets\/icons\/doorside-192\.png">/);
    expect(shell).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/i);
    expect(staff).toContain('<link rel="manifest" href="./staff.webmanifest">');
  });

  it('gives a sign\'s shell a manifest link that starts the app at the sign\'s own address', async () => {
    const url = gw.creds.devices.find((d) => d.kind === 'sign' && d.room === 'r102')!.url!;
    const shell = await (await get(new URL(url).pathname + new URL(url).search)).text();
    const href = /<link rel="manifest" href="([^"]+)">/.exec(shell)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const path = new URL(href, url).pathname + new URL(href, url).search;
    const { body } = await manifest(path);

    expect(path).toMatch(/^\/sign\.webmanifest\?device=sign-r102&secret=[^&]+&room=r102$/);
    expect(new URL(body.start_url, `${gw.http}${path}`).href).toBe(url);
  });
});
