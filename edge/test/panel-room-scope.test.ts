import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panelActor } from '../src/rights/actor.ts';
import { rightsOf } from '../src/rights/rights.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

/** A cleaning job in the room, done by ana and waiting for a verdict, with a photo to name. */
async function finishedJob(room: string): Promise<string> {
  const [boss, ana] = [await gw.login('sofia'), await gw.login('ana')];
  const created = await gw.call('POST', '/api/tickets', { cookie: boss, body: { kind: 'task', category: 'cleaning', room, description: 'Wipe the tables', assignee: 'ana' } });
  const id = created.body.id as string;
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
  expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana })).body.ticket.status).toBe('done');
  return id;
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function upload(id: string, cookie: string) {
  const form = new FormData();
  form.append('photos', new Blob([png], { type: 'image/png' }), 'door.png');
  const res = await fetch(`${gw.http}/api/tickets/${id}/attachments`, { method: 'POST', body: form, headers: { cookie } });
  return { status: res.status, body: await res.json() as any };
}

/** Each thing a door panel may do, as the HTTP call it makes, aimed at a room and a ticket in it. */
const panelWrites: Record<string, (room: string, id: string, cookie: string) => Promise<{ status: number; body: any }>> = {
  create: (room, _id, cookie) => gw.call('POST', '/api/tickets', { cookie, body: { kind: 'task', category: 'cleaning', room, description: 'Refill the soap' } }),
  comment: (_room, id, cookie) => gw.call('POST', `/api/tickets/${id}/comment`, { cookie, body: { text: 'Seen from the door' } }),
  'comment-internal': (_room, id, cookie) => gw.call('POST', `/api/tickets/${id}/comment`, { cookie, body: { text: 'Staff only', internal: true } }),
  attach: (_room, id, cookie) => upload(id, cookie),
  reject: (_room, id, cookie) => gw.call('POST', `/api/tickets/${id}/reject`, { cookie, body: { reason: 'Not cleaned' } }),
  approve: (_room, id, cookie) => gw.call('POST', `/api/tickets/${id}/approve`, { cookie, body: {} }),
};

describe('a door panel outside its room', () => {
  it('holds no right this test does not try', () => {
    const tried = new Set([...Object.keys(panelWrites), 'view', 'take-reading']);

    expect(rightsOf('panel').filter((right) => !tried.has(right))).toEqual([]);
  });

  it('is refused every write in another room with 403 WRONG_ROOM, nothing written and the room unchanged', async () => {
    const there = await finishedJob('r205');
    const panel = await gw.panelLogin('r101');
    const roomBefore = gw.store.rooms.get('r205');
    const ticketBefore = gw.store.tickets.get(there);
    const head = gw.store.log.head.seq;

    const answers = Object.fromEntries(await Promise.all(Object.entries(panelWrites).map(async ([right, call]) => [right, await call('r205', there, panel)] as const)));

    for (const [right, res] of Object.entries(answers)) {
      expect({ right, status: res.status, error: res.body.error }).toEqual({ right, status: 403, error: 'WRONG_ROOM' });
    }
    expect(gw.store.log.head.seq).toBe(head);
    expect(gw.store.tickets.get(there)).toEqual(ticketBefore);
    expect(gw.store.rooms.get('r205')).toEqual(roomBefore);
  });

  it('takes a reading only from a device of its own room', async () => {
    const sensor = 'temperature';
    const elsewhere = gw.creds.devices.find((d) => d.room === 'r205')!.id;
    const own = gw.creds.devices.find((d) => d.room === 'r101')!.id;
    const head = gw.store.log.head.seq;

    const refused = await gw.commands.handle(panelActor('r101'), { device: elsewhere }, { type: 'take-reading', sensor, value: 40 }).catch((error: { code?: string }) => error.code);
    const taken = await gw.commands.handle(panelActor('r101'), { device: own }, { type: 'take-reading', sensor, value: 21 });

    expect(refused).toBe('WRONG_ROOM');
    expect(taken).toEqual({ excursions: [] });
    expect(gw.store.log.head.seq).toBe(head);
  });

  it('reads neither the tickets, the room nor the devices of another room', async () => {
    const there = await finishedJob('r205');
    const panel = await gw.panelLogin('r101');

    const ticket = await gw.call('GET', `/api/tickets/${there}`, { cookie: panel });
    const list = await gw.call('GET', '/api/tickets?room=r205', { cookie: panel });
    const room = await gw.call('GET', '/api/rooms/r205', { cookie: panel });
    const rooms = await gw.call('GET', '/api/rooms', { cookie: panel });
    const devices = await gw.call('GET', '/api/devices', { cookie: panel });

    expect(ticket.status).toBe(404);
    expect(list.body.tickets).toEqual([]);
    expect(room.status).toBe(403);
    expect(room.body.error).toBe('WRONG_ROOM');
    expect(rooms.body.rooms.map((r: { id: string }) => r.id)).toEqual(['r101']);
    expect(devices.body.devices.length).toBeGreaterThan(0);
    expect(devices.body.devices.every((d: { room: string }) => d.room === 'r101')).toBe(true);
  });

  it('does each of those things in its own room', async () => {
    const here = await finishedJob('r103');
    const other = await finishedJob('r103');
    const panel = await gw.panelLogin('r103');

    const answers = Object.fromEntries(await Promise.all(Object.entries(panelWrites).map(async ([right, call]) => [right, await call('r103', right === 'approve' ? other : here, panel)] as const)));
    const room = await gw.call('GET', '/api/rooms/r103', { cookie: panel });

    expect(Object.fromEntries(Object.entries(answers).map(([right, res]) => [right, res.status]))).toEqual({
      create: 201, comment: 200, 'comment-internal': 200, attach: 201, reject: 200, approve: 200,
    });
    expect(room.status).toBe(200);
    expect(room.body.openTickets.map((t: { id: string }) => t.id)).toContain(here);
  });
});
