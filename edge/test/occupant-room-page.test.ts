import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let limited: TestGateway;
beforeAll(async () => {
  [gw, limited] = await Promise.all([
    startTestGateway(),
    startTestGateway({ reportLimits: { perBrowser: { max: 2, windowMs: 60_000 }, perQrCode: { max: 50, windowMs: 60_000 } } }),
  ]);
});
afterAll(async () => { await Promise.all([gw.stop(), limited.stop()]); });

const qr = (g: TestGateway, room: string) => g.creds.rooms.find((r) => r.id === room)!.qr;
const reportPath = (g: TestGateway, room: string) => `/api/rooms/${room}/reports?k=${qr(g, room)}`;
const publicView = (g: TestGateway, room: string, k = qr(g, room)) => g.call('GET', `/api/rooms/${room}/public?k=${k}`);
const notePath = (g: TestGateway, room: string, ticket: string) => `/api/rooms/${room}/tickets/${ticket}/notes?k=${qr(g, room)}`;

/** A maintenance report in `room` that a supervisor rejected at the door: the room is Do Not Use. */
async function doNotUse(g: TestGateway, room: string) {
  const report = await g.call('POST', reportPath(g, room), { body: { category: 'maintenance', description: 'Socket sparks' } });
  const id = report.body.ticket.id as string;
  const [marco, dirk] = [await g.login('marco'), await g.login('dirk')];
  await g.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'dirk' } });
  await g.call('POST', `/api/tickets/${id}/comment`, { cookie: marco, body: { text: 'Breaker 7 in cabinet B' } });
  await g.call('POST', `/api/tickets/${id}/start`, { cookie: dirk });
  await g.call('POST', `/api/tickets/${id}/complete`, { cookie: dirk });
  const rejected = await g.call('POST', `/api/tickets/${id}/reject`, { cookie: await g.panelLogin(room), body: { reason: 'Safety hazard remains' } });
  expect(rejected.body.room.status).toBe('do_not_use');
  return { id, followUp: rejected.body.triggered.followUp as string };
}

describe("the room's public view behind its QR code", () => {
  it('shows an available room with the categories to report in and no tickets, and hands out the browser cookie', async () => {
    const res = await publicView(gw, 'r101');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'r101', name: 'Reception Lounge', floor: 1, zone: 'Lobby', status: 'available', openTickets: [] });
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['cleaning', 'maintenance', 'security']));
    expect(Object.keys(res.body.categories[0]).sort()).toEqual(['id', 'name', 'names']);
    expect(res.headers.getSetCookie()[0]).toMatch(/^ds_browser=[A-Za-z0-9_-]+; Max-Age=31536000; Path=\/api\/rooms; HttpOnly; SameSite=Lax$/);
  });

  it('lists the tickets to add to while the room is Do Not Use, the one behind it first, without notes or names', async () => {
    const { id, followUp } = await doNotUse(gw, 'r102');

    const res = await publicView(gw, 'r102');

    expect(res.body).toMatchObject({ status: 'do_not_use', reason: 'Safety hazard remains' });
    expect(res.body.openTickets.map((t: { id: string }) => t.id)).toEqual([id, followUp]);
    expect(res.body.openTickets[0]).toEqual({ id, category: 'maintenance', title: 'Maintenance in Meeting Room Fjord', status: 'escalated', openedAt: expect.any(String),
      titlePhrase: { code: 'ticket.serviceIn', params: { category: expect.objectContaining({ text: 'Maintenance' }), room: expect.objectContaining({ text: 'Meeting Room Fjord' }) } },
    });
    const text = JSON.stringify(res.body);
    for (const secret of ['Breaker', 'marco', 'dirk', 'Socket sparks', 'Follow-up']) expect(text).not.toContain(secret);
  });

  it('answers a replaced code with 410, a wrong one with 403 and an unknown room with 404', async () => {
    const old = qr(gw, 'r305');
    const rotated = await gw.call('POST', '/api/rooms/r305/qr/rotate', { cookie: await gw.login('admin') });
    expect(rotated.status).toBe(200);

    const replaced = await publicView(gw, 'r305', old);
    const wrong = await publicView(gw, 'r304', qr(gw, 'r303'));
    const unknown = await publicView(gw, 'r999', qr(gw, 'r303'));

    expect([replaced.status, replaced.body.error]).toEqual([410, 'QR_REPLACED']);
    expect(replaced.body.message).toBe('this code has been replaced, ask reception');
    expect([wrong.status, wrong.body.error]).toEqual([403, 'BAD_QR_CODE']);
    expect(unknown.status).toBe(404);
  });
});

describe('adding to a ticket already open for the room', () => {
  it('adds a public note by the occupant, logged in the audit trail, and no new ticket', async () => {
    const { id } = await doNotUse(gw, 'r103');
    const ticketsBefore = gw.store.tickets.countByStatus();

    const res = await gw.call('POST', notePath(gw, 'r103', id), { body: { text: 'Smells of burning too' } });

    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({ id, category: 'maintenance' });
    expect(gw.store.tickets.get(id)!.notes.at(-1)).toEqual({ at: expect.any(String), by: 'occupant', text: 'Smells of burning too', internal: false });
    expect(gw.store.tickets.countByStatus()).toEqual(ticketsBefore);
    const audit = await gw.call('GET', `/api/audit?ticket=${id}`, { cookie: await gw.login('hanna') });
    expect(audit.body.events[0]).toMatchObject({ type: 'ticket-commented', actor: 'occupant' });
  });

  it('takes one photo with the note as multipart, re-encoded, and refuses a second', async () => {
    const { id } = await doNotUse(gw, 'r104');
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#246' } }).jpeg().withExif({ IFD0: { Make: 'TestCam' } }).toBuffer();
    const one = new FormData();
    one.append('text', 'Water on the floor');
    one.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), 'floor.jpg');
    const two = new FormData();
    two.append('text', 'Two photos');
    for (const name of ['a.jpg', 'b.jpg']) two.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), name);

    const ok = await fetch(`${gw.http}${notePath(gw, 'r104', id)}`, { method: 'POST', body: one });
    const refused = await fetch(`${gw.http}${notePath(gw, 'r104', id)}`, { method: 'POST', body: two });

    expect(ok.status).toBe(201);
    const photo = gw.store.tickets.get(id)!.attachments.at(-1)!;
    expect(photo).toMatchObject({ by: 'occupant', type: 'image/jpeg', name: 'floor.jpg' });
    const stored = await sharp(join(gw.dir, 'attachments', `${photo.id}.jpg`)).metadata();
    expect([stored.width, stored.exif]).toEqual([2048, undefined]);
    expect(refused.status).toBe(400);
    expect(gw.store.tickets.get(id)!.notes.map((n) => n.text)).not.toContain('Two photos');
  });

  it('refuses a ticket the room does not list (closed, another room, or the room is available) with 403 and writes nothing', async () => {
    const inAvailableRoom = await gw.call('POST', reportPath(gw, 'r201'), { body: { category: 'av', description: 'Projector flickers' } });
    const { id: otherRoomsTicket } = await doNotUse(gw, 'r202');
    const head = gw.store.log.head.seq;
    const files = readdirSync(join(gw.dir, 'attachments')).length;

    const notListed = await gw.call('POST', notePath(gw, 'r201', inAvailableRoom.body.ticket.id), { body: { text: 'Me too' } });
    const elsewhere = await gw.call('POST', notePath(gw, 'r201', otherRoomsTicket), { body: { text: 'Me too' } });
    const wrongCode = await gw.call('POST', `/api/rooms/r202/tickets/${otherRoomsTicket}/notes?k=${qr(gw, 'r201')}`, { body: { text: 'Me too' } });

    expect([notListed.status, notListed.body.error]).toEqual([403, 'NOT_OPEN_TO_OCCUPANTS']);
    expect([elsewhere.status, elsewhere.body.error]).toEqual([403, 'NOT_OPEN_TO_OCCUPANTS']);
    expect([wrongCode.status, wrongCode.body.error]).toEqual([403, 'BAD_QR_CODE']);
    expect(gw.store.log.head.seq).toBe(head);
    expect(readdirSync(join(gw.dir, 'attachments')).length).toBe(files);
  });

  it('is limited per browser like reports', async () => {
    const { id } = await doNotUse(limited, 'r203');
    const browser = 'ds_browser=note-writer';
    const add = () => limited.call('POST', notePath(limited, 'r203', id), { body: { text: 'Still sparking' }, cookie: browser });

    const statuses = [(await add()).status, (await add()).status];
    const third = await add();

    expect(statuses).toEqual([201, 201]);
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('RATE_LIMITED');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('the contact an occupant leaves with a report', () => {
  it('takes an e-mail address or a phone number and refuses anything else with 400', async () => {
    const send = (contact: string) => gw.call('POST', reportPath(gw, 'r301'), { body: { category: 'cleaning', description: 'Crumbs', contact } });

    const results = await Promise.all(['kim@example.com', '+47 22 33 44 55', '(020) 123-4567', 'desk 4', 'kim@', '12'].map(send));

    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 400, 400, 400]);
    expect(results[3]!.body.details).toEqual([{ path: '/contact', message: 'give an e-mail address or a phone number' }]);
  });
});

describe('the report page over a slow phone link', () => {
  it("sends the page's script gzipped to a browser that accepts it, and plain to one that does not", async () => {
    const get = (path: string, encoding?: string) => new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      request(`${gw.http}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });

    const [script, plain] = await Promise.all([get('/assets/report.js', 'gzip, deflate'), get('/assets/report.js')]);

    expect([script.encoding, plain.encoding]).toEqual(['gzip', undefined]);
    expect(gunzipSync(script.body).equals(plain.body)).toBe(true);
    expect(script.body.length).toBeLessThan(plain.body.length / 2);
  });
});
