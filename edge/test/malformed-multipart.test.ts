import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/contracts/index.ts';
import { type GatewayProcess, startGatewayProcess } from '../src/test-support/gateway-process.ts';
import { rawPost, rawRequest } from '../src/test-support/raw-http.ts';

let gw: GatewayProcess;
let photo: Buffer;
let staff: string;
/** A ticket open in r101 (notes go to it) and one in r103 (staff attach photos to it). */
const open = { note: '', attach: '' };

const qr = (room: string) => gw.creds.rooms.find((r) => r.id === room)!.qr;
const events = async () => ((await (await fetch(`${gw.http}/health`)).json()) as { events: number }).events;
const stored = () => readdirSync(join(gw.dir, 'attachments'));
/** Each request comes from a browser of its own, so the occupant rate limits stay out of the way. */
const browser = () => `ds_browser=${randomBytes(12).toString('hex')}`;

async function report(room: string, description: string) {
  const res = await fetch(`${gw.http}/api/rooms/${room}/reports?k=${qr(room)}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: browser() }, body: JSON.stringify({ category: 'cleaning', description }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { id: string } }).ticket.id;
}

beforeAll(async () => {
  gw = await startGatewayProcess();
  photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#47a' } }).jpeg().toBuffer();
  open.note = await report('r101', 'Coffee on the carpet');
  open.attach = await report('r103', 'Window smudged');
  const sofia = gw.creds.users.find((u) => u.username === 'sofia')!;
  const login = await fetch(`${gw.http}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sofia', password: sofia.password }) });
  staff = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
});
afterAll(async () => { await gw?.stop(); });

const B = 'doorside-b0undary';
const field = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (data: Buffer) => Buffer.concat([
  Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="photos"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`, 'latin1'), data, Buffer.from('\r\n', 'latin1'),
]);
const close = `--${B}--\r\n`;

interface Route { name: string; path: () => string; fields: string; cookie: () => string }
const routes: Route[] = [
  { name: 'an occupant report', path: () => `/api/rooms/r102/reports?k=${qr('r102')}`, fields: field('category', 'cleaning') + field('description', 'Bins full'), cookie: browser },
  { name: 'an occupant note', path: () => `/api/rooms/r101/tickets/${open.note}/notes?k=${qr('r101')}`, fields: field('text', 'Still there'), cookie: browser },
  { name: 'a "not resolved"', path: () => `/api/track/${'t'.repeat(30)}/dispute`, fields: field('reason', 'Still dirty'), cookie: browser },
  { name: 'a staff photo upload', path: () => `/api/tickets/${open.attach}/attachments`, fields: '', cookie: () => staff },
];

const malformed: { name: string; contentType: string; body: () => (fields: string) => Buffer }[] = [
  { name: 'no boundary in its content type', contentType: 'multipart/form-data', body: () => (f) => Buffer.concat([Buffer.from(f, 'latin1'), filePart(photo), Buffer.from(close)]) },
  { name: 'a photo part cut short', contentType: `multipart/form-data; boundary=${B}`, body: () => (f) => Buffer.concat([Buffer.from(f, 'latin1'), filePart(photo).subarray(0, 150)]) },
  { name: 'a boundary never closed', contentType: `multipart/form-data; boundary=${B}`, body: () => (f) => Buffer.concat([Buffer.from(f, 'latin1'), filePart(photo)]) },
  { name: 'no boundary in its body', contentType: `multipart/form-data; boundary=${B}`, body: () => () => Buffer.from('category=cleaning&description=Sink') },
  { name: 'part headers cut short', contentType: `multipart/form-data; boundary=${B}`, body: () => (f) => Buffer.from(`${f}--${B}\r\nContent-Disposition: form-da`, 'latin1') },
];

describe('malformed multipart bodies', () => {
  describe.each(routes)('to $name', (route) => {
    it.each(malformed)('are refused with 400 BAD_MULTIPART for $name, logging no error and writing nothing', async (c) => {
      const before = { events: await events(), files: stored() };

      const res = await rawRequest(gw.http, rawPost(route.path(), c.contentType, c.body()(route.fields), { Cookie: route.cookie() }));

      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'BAD_MULTIPART', message: expect.stringMatching(/multipart/) });
      expect(errorCatalogue.BAD_MULTIPART.status).toBe(400);
      expect({ events: await events(), files: stored() }).toEqual(before);
      expect(gw.errors()).toEqual([]);
    });
  });

  it('still takes a well-formed report with a photo after all that', async () => {
    const body = Buffer.concat([Buffer.from(routes[0]!.fields, 'latin1'), filePart(photo), Buffer.from(close)]);

    const res = await rawRequest(gw.http, rawPost(routes[0]!.path(), `multipart/form-data; boundary=${B}`, body, { Cookie: browser() }));

    expect(res.status).toBe(201);
    expect(res.body.ticket.attachments).toHaveLength(1);
    expect(gw.errors()).toEqual([]);
  });

  it('logs no error and keeps no file when the client goes away in the middle of a photo', async () => {
    const before = { events: await events(), files: stored() };
    const whole = Buffer.concat([Buffer.from(routes[0]!.fields, 'latin1'), filePart(photo), Buffer.from(close)]);
    const request = rawPost(routes[0]!.path(), `multipart/form-data; boundary=${B}`, whole, { Cookie: browser() });

    await rawRequest(gw.http, request.subarray(0, request.length - 200), { endAfterWrite: true }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect({ events: await events(), files: stored() }).toEqual(before);
    expect(gw.errors()).toEqual([]);
  });

  it('answers a refused upload at once: a small body is read and dropped on a connection that stays, a big one closes it unread', async () => {
    const small = Buffer.concat([Buffer.from(routes[3]!.fields, 'latin1'), filePart(photo), Buffer.from(close)]);
    const head = (length: number) => [
      `POST /api/tickets/${open.attach}/attachments HTTP/1.1`, 'Host: 127.0.0.1', `Content-Type: multipart/form-data; boundary=${B}`, `Content-Length: ${length}`, '', '',
    ].join('\r\n');
    const { port } = new URL(gw.http);
    const talk = (bytes: Buffer) => new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(bytes));
      socket.setTimeout(5_000, () => { socket.destroy(); resolve(text); });
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if ((text.match(/HTTP\/1\.1 /g) ?? []).length === 2 && /\r\n\r\n[^]*"ok"/.test(text.slice(text.lastIndexOf('HTTP/1.1 ')))) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });

    const kept = await talk(Buffer.concat([Buffer.from(head(small.length), 'latin1'), small, Buffer.from('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', 'latin1')]));
    const cut = await talk(Buffer.from(head(20 * 1024 * 1024), 'latin1'));

    expect(kept.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 401', 'HTTP/1.1 200']);
    expect(kept.split('\r\n\r\n')[0]).not.toMatch(/connection: close/i);
    expect(cut.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 401']);
    expect(cut).toMatch(/connection: close/i);
    expect(gw.errors()).toEqual([]);
  });
});
