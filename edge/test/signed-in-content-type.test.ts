import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
const cookies: Record<string, string> = {};
let ticket = '';

const reportPath = (room: string) => { const u = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi); return u.pathname + u.search; };
const head = () => gw.store.log.head.seq;

/** A request as a browser form or a bare client sends it: the body and content type exactly as given. */
async function send(path: string, cookie: string | undefined, contentType: string | undefined, body?: string | FormData) {
  const res = await fetch(`${gw.http}${path}`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  gw = await startTestGateway();
  for (const user of ['sofia', 'ana', 'hanna']) cookies[user] = await gw.login(user);
  ticket = (await gw.call('POST', reportPath('r101'), { body: { category: 'cleaning', description: 'Spilled coffee' } })).body.ticket.id;
  await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: cookies.sofia!, body: { assignee: 'ana' } });
});
afterAll(async () => { await gw.stop(); });

describe('a change sent with a session cookie', () => {
  it.each([
    ['a body-less start', () => `/api/tickets/${ticket}/start`, 'ana', undefined, undefined],
    ['a body-less claim', () => `/api/tickets/${ticket}/claim`, 'ana', undefined, undefined],
    ['a body-less sign-out', () => '/api/auth/logout', 'sofia', undefined, undefined],
    ['a body-less device revoke', () => '/api/devices/sign-r101/revoke', 'hanna', undefined, undefined],
    ['a body-less QR code rotation', () => '/api/rooms/r102/qr/rotate', 'hanna', undefined, undefined],
    ['a cross-site text/plain form', () => `/api/tickets/${ticket}/start`, 'ana', 'text/plain', '{"x":"=1"}'],
    ['a cross-site url-encoded form', () => `/api/tickets/${ticket}/comment`, 'sofia', 'application/x-www-form-urlencoded', 'text=hello'],
    ['a multipart form to a route that takes no files', () => `/api/tickets/${ticket}/comment`, 'sofia', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--\r\n'],
  ] as [string, () => string, string, string | undefined, string | undefined][])('is refused as %s with 415 JSON_REQUIRED, changing nothing', async (_name, path, as, contentType, body) => {
    const before = head();

    const res = await send(path(), cookies[as], contentType, body);

    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: 'JSON_REQUIRED', message: expect.stringContaining('application/json') });
    expect(errorCatalogue.JSON_REQUIRED.status).toBe(415);
    expect(head()).toBe(before);
  });

  it('is taken as JSON with an empty object, an empty body, or a charset', async () => {
    const empty = await send(`/api/tickets/${ticket}/start`, cookies.ana, 'application/json', '{}');
    const none = await send(`/api/tickets/${ticket}/comment`, cookies.sofia, 'application/json; charset=utf-8', '{"text":"On my way"}');
    const bare = await send('/api/auth/logout', await gw.login('ben'), 'application/json');

    expect([empty.status, none.status, bare.status]).toEqual([200, 200, 200]);
    expect(empty.body.ticket.status).toBe('in_progress');
  });

  it('is taken as multipart where the route takes photos', async () => {
    const form = new FormData();
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');

    const res = await send(`/api/tickets/${ticket}/attachments`, cookies.ana, undefined, form);

    expect(res.status).toBe(201);
  });
});

describe('a request without a session cookie', () => {
  it('is judged as before: an occupant report sent as plain text fails its schema, not its type', async () => {
    const res = await send(reportPath('r101'), undefined, 'text/plain', '{"category":"cleaning","description":"Sink"}');

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INVALID');
  });

  it('and a body-less sign-out without a cookie still answers ok', async () => {
    const res = await send('/api/auth/logout', undefined, undefined);

    expect(res.status).toBe(200);
  });
});
