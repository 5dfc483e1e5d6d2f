import http from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let sofia = '';
const allowed = 'https://panels.example.com';

beforeAll(async () => {
  gw = await startTestGateway({ allowedOrigins: [allowed] });
  sofia = await gw.login('sofia');
});
afterAll(async () => { await gw.stop(); });

describe('security headers', () => {
  it('come with every answer: nosniff, no framing, no referrer, a strict policy', async () => {
    const res = await fetch(`${gw.http}/api/rooms`, { headers: { cookie: sofia } });

    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self';.*frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests|unsafe-inline/);
    // Served over plain HTTP on the building network: no HSTS.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('come with refusals, unknown addresses and bad input alike', async () => {
    const answers = [
      await fetch(`${gw.http}/api/rooms`),
      await fetch(`${gw.http}/api/no-such-thing`, { headers: { cookie: sofia } }),
      await fetch(`${gw.http}/api/tickets/T-1001/reject`, { method: 'POST', headers: { cookie: sofia, 'content-type': 'text/plain' }, body: 'x' }),
    ];

    expect(answers.map((res) => res.status)).toEqual([401, 404, 415]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self';.*frame-ancestors 'none'/);
    }
  });

  it('name the live feed on the address each request came to, however many addresses there are', async () => {
    const policy = (host: string) => new Promise<string>((resolve, reject) => {
      const url = new URL(gw.http);
      http.get({ host: url.hostname, port: url.port, path: '/api/rooms', headers: { host } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      }).on('error', reject);
    });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        expect(await policy(`gw${i}.local:8080`)).toMatch(new RegExp(`connect-src 'self' ws://gw${i}\\.local:8080 wss://gw${i}\\.local:8080$`));
      }
      // A Host header that is no address gets the page's own origin only.
      const other = await policy('bad host"');
      expect(other).toMatch(/connect-src 'self'/);
      expect(other).not.toMatch(/wss?:/);
    }
  });
});

describe('a served photo', () => {
  it('has the type the gateway stored and a name it made, whatever the sender said', async () => {
    const ticket = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room: 'r101', description: 'Check the sofa' } });
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#a33' } }).png().toBuffer();
    const form = new FormData();
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'text/html' }), 'x".html; filename*=UTF-8\'\'evil.html');
    const upload = await fetch(`${gw.http}/api/tickets/${ticket.body.id}/attachments`, { method: 'POST', headers: { cookie: sofia }, body: form });
    expect(upload.status).toBe(201);
    const { id } = ((await upload.json()) as { attachments: { id: string }[] }).attachments[0]!;

    const res = await fetch(`${gw.http}/api/attachments/${id}`, { headers: { cookie: sofia } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${id}.jpg"`);
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe('jpeg');
  });
});

describe('the live feed', () => {
  /** Opens /ws as a browser on `origin` would (or as a device, with no Origin); answers how it went. */
  function open(origin: string | undefined, host?: string): Promise<{ opened: boolean; status?: number; first?: any }> {
    const url = `${gw.http.replace('http', 'ws')}/ws`;
    const socket = new WebSocket(url, { headers: { cookie: sofia, ...(host ? { host } : {}) }, ...(origin ? { origin } : {}) });
    return new Promise((resolve) => {
      socket.once('message', (data) => { resolve({ opened: true, first: JSON.parse(String(data)) }); socket.close(); });
      socket.once('unexpected-response', (_req, res) => { resolve({ opened: false, status: res.statusCode }); socket.terminate(); });
      socket.once('error', () => resolve({ opened: false }));
    });
  }

  it('refuses a browser on another site, with the session cookie and all', async () => {
    const res = await open('http://evil.example');

    expect(res).toEqual({ opened: false, status: 403 });
  });

  it('refuses an origin on the gateway\'s address but another port, and the "null" origin', async () => {
    const port = Number(new URL(gw.http).port);

    expect(await open(`http://127.0.0.1:${port + 1}`)).toEqual({ opened: false, status: 403 });
    expect(await open('null')).toEqual({ opened: false, status: 403 });
  });

  it('takes the gateway\'s own pages, the configured origin, and clients that send no origin', async () => {
    const own = await open(gw.http);
    const listed = await open(allowed);
    const device = await open(undefined);
    const byName = await open(`http://gateway.local:${new URL(gw.http).port}`, `gateway.local:${new URL(gw.http).port}`);

    for (const res of [own, listed, device, byName]) expect(res).toMatchObject({ opened: true, first: { kind: 'snapshot' } });
  });
});
