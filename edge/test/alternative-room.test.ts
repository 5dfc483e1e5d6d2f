import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { inbox } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const setAlternative = async (user: string, room: string, body: unknown) =>
  gw.call('POST', `/api/rooms/${room}/alternative`, { cookie: await gw.login(user), body });

const tulip = () => {
  const r = gw.store.rooms.get('r202')!;
  return { id: 'r202', name: 'Meeting Room Tulip', names: r.names, floor: 2 };
};

describe("a room's nearest alternative, POST /api/rooms/{room}/alternative", () => {
  it('lets a supervisor name another room of the site, and GET /api/rooms/{room} carries it', async () => {
    const res = await setAlternative('marco', 'r103', { room: 'r202' });

    expect(res.status).toBe(200);
    expect(res.body.alternative).toEqual(tulip());
    const read = await gw.call('GET', '/api/rooms/r103', { cookie: await gw.login('hanna') });
    expect(read.body.alternative).toEqual(tulip());
    expect(tulip().names).toMatchObject({ zh: expect.any(String) });
  });

  it('clears the alternative with null', async () => {
    await setAlternative('admin', 'r105', { room: 'r202' });

    const res = await setAlternative('admin', 'r105', { room: null });

    expect(res.status).toBe(200);
    expect(res.body.alternative).toBeUndefined();
    const read = await gw.call('GET', '/api/rooms/r105', { cookie: await gw.login('hanna') });
    expect(read.body.alternative).toBeUndefined();
  });

  it('refuses staff with 403 and changes nothing', async () => {
    const res = await setAlternative('ana', 'r203', { room: 'r202' });

    expect(res.status).toBe(403);
    expect(res.body.error).toBe('NOT_PERMITTED');
    expect(gw.store.rooms.get('r203')!.alternative).toBeUndefined();
  });

  it.each([
    ['no room field', {}],
    ['a number', { room: 5 }],
    ['an extra field', { room: 'r202', floor: 2 }],
  ])('answers a body with %s with 400', async (_what, body) => {
    const res = await setAlternative('marco', 'r203', body);

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INVALID');
  });

  it('answers 404 for an unknown room, in the path or in the body', async () => {
    const path = await setAlternative('marco', 'r999', { room: 'r202' });
    const body = await setAlternative('marco', 'r203', { room: 'r999' });

    expect(path.status).toBe(404);
    expect(body.status).toBe(404);
    expect(body.body.details).toMatchObject({ room: 'r999' });
  });

  it('answers 400 when the alternative is the room itself', async () => {
    const res = await setAlternative('marco', 'r203', { room: 'r203' });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('ALTERNATIVE_IS_SAME_ROOM');
  });

  it('records the change in the audit trail like other room changes', async () => {
    await setAlternative('sofia', 'r303', { room: 'r302' });

    const audit = await gw.call('GET', '/api/audit?room=r303', { cookie: await gw.login('hanna') });

    const event = audit.body.events.find((e: { type: string }) => e.type === 'room-alternative-set');
    expect(event).toMatchObject({ actor: 'user:sofia', entity: 'room:r303', state: { id: 'r303', alternative: { id: 'r302', floor: 3 } } });
  });

  it('offers setting it on the room page only to those the rights table lets', async () => {
    const supervisor = await gw.call('GET', '/api/rooms/r203', { cookie: await gw.login('marco') });
    const reception = await gw.call('GET', '/api/rooms/r203', { cookie: await gw.login('rita') });

    expect(supervisor.body.actions).toContain('set-alternative');
    expect(reception.body.actions).not.toContain('set-alternative');
  });

  it("carries it in the room's retained status message, for a sign that subscribes later", async () => {
    await setAlternative('marco', 'r204', { room: 'r202' });
    const sign = await gw.device('sign-r204');
    const received = inbox(sign);

    await sign.subscribeAsync(topics.roomStatus('demo', 'r204'), { qos: 1 });

    const status = await received.next((m) => m.topic === topics.roomStatus('demo', 'r204'));
    expect(status.retain).toBe(true);
    expect(JSON.parse(status.payload).alternative).toEqual(tulip());
  });
});
