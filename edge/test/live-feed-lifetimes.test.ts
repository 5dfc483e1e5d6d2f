import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIVE_CLOSE } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let admin: string;
beforeAll(async () => { gw = await startTestGateway(); admin = await gw.login('hanna'); });
afterAll(async () => { await gw.stop(); });

interface Frame { kind: string; type?: string; entity?: string; state?: any; rooms?: { id: string }[] }

async function feed(query: string, cookie?: string) {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws${query}`, cookie ? { headers: { cookie } } : {});
  const frames: Frame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await once(socket, 'open');
  const until = async (match: (f: Frame) => boolean, ms = 2_000) => {
    for (let waited = 0; waited < ms && !frames.some(match); waited += 10) await new Promise((r) => setTimeout(r, 10));
    return frames.find(match);
  };
  await until((f) => f.kind === 'snapshot');
  return { socket, frames, until };
}

/** The close code, or 'open' if the socket is still open after `ms`. */
function closedWithin(socket: WebSocket, ms: number): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    socket.once('close', (code) => { clearTimeout(timer); resolve(code); });
  });
}

async function report(room: string, category: string) {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: 'Live feed lifetime check' } });
  return res.body.ticket.id as string;
}

const setStatus = (room: string, status: string) =>
  gw.call('POST', `/api/rooms/${room}/status`, { cookie: admin, body: { status, reason: 'lifetime check' } });

describe('a live socket lives no longer than its rights', () => {
  it('closes a signed-in socket within a second of its session logging out', async () => {
    const cookie = await gw.login('ben');
    const live = await feed('', cookie);

    const closing = closedWithin(live.socket, 1_000);
    await gw.call('POST', '/api/auth/logout', { cookie });

    expect(await closing).toBe(LIVE_CLOSE.credentials);
  });

  it('closes a sign socket within a second of its device being revoked, and one whose secret was rotated', async () => {
    const added = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-live-a', kind: 'sign', room: 'r201' } });
    const revoked = await feed(`?device=sign-live-a&secret=${added.body.mqtt.password}`);
    const other = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-live-b', kind: 'sign', room: 'r201' } });
    const rotated = await feed(`?device=sign-live-b&secret=${other.body.mqtt.password}`);

    const closings = [closedWithin(revoked.socket, 1_000), closedWithin(rotated.socket, 1_000)];
    await gw.call('POST', '/api/devices/sign-live-a/revoke', { cookie: admin });
    await gw.call('POST', '/api/devices/sign-live-b/rotate', { cookie: admin });

    expect(await Promise.all(closings)).toEqual([LIVE_CLOSE.credentials, LIVE_CLOSE.credentials]);
  });

  it('moves a sign socket to its new room within a second of a rebind, and sends it nothing more of the old room', async () => {
    const added = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-live-c', kind: 'sign', room: 'r202' } });
    const live = await feed(`?device=sign-live-c&secret=${added.body.mqtt.password}`);

    const started = Date.now();
    await gw.call('POST', '/api/devices/sign-live-c/bind', { cookie: admin, body: { room: 'r203' } });
    const moved = await live.until((f) => f.kind === 'snapshot' && f.rooms?.[0]?.id === 'r203', 1_000);
    const elapsed = Date.now() - started;
    const seen = live.frames.length;
    await setStatus('r202', 'do_not_use');
    await setStatus('r203', 'do_not_use');
    await live.until((f) => f.entity === 'room:r203');

    expect(moved?.rooms?.map((r) => r.id)).toEqual(['r203']);
    expect(elapsed).toBeLessThan(1_000);
    expect(live.frames.slice(seen).map((f) => f.entity)).toEqual(['room:r203']);
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    live.socket.close();
  });

  it('re-scopes a staff socket within a second of the user changing teams (no command changes a user: the periodic re-check does)', async () => {
    const live = await feed('', await gw.login('ana'));
    const record = gw.store.directory.user('ana')!;

    const started = Date.now();
    gw.store.directory.putUser({ ...record.user, teams: ['av'] }, record.passwordHash);
    const rescoped = await live.until((f, i = live.frames.indexOf(f)) => f.kind === 'snapshot' && i > 0, 1_000);
    const elapsed = Date.now() - started;
    const cleaning = await report('r204', 'cleaning');
    const av = await report('r204', 'av');
    await live.until((f) => f.entity === `ticket:${av}`);

    expect(rescoped).toBeDefined();
    expect(elapsed).toBeLessThan(1_000);
    expect(live.frames.some((f) => f.entity === `ticket:${cleaning}`)).toBe(false);
    expect(live.frames.some((f) => f.entity === `ticket:${av}`)).toBe(true);
    live.socket.close();
  });

  it('takes a supervisor who is made staff off the whole site within a second', async () => {
    const live = await feed('', await gw.login('sofia'));
    const record = gw.store.directory.user('sofia')!;

    gw.store.directory.putUser({ ...record.user, role: 'staff', teams: ['av'] }, record.passwordHash);
    const rescoped = await live.until((f) => f.kind === 'snapshot' && live.frames.indexOf(f) > 0, 1_000);
    const maintenance = await report('r205', 'maintenance');
    const av = await report('r205', 'av');
    await live.until((f) => f.entity === `ticket:${av}`);

    expect(rescoped).toBeDefined();
    expect(live.frames.some((f) => f.entity === `ticket:${maintenance}`)).toBe(false);
    live.socket.close();
  });

  it('closes a socket within a second of its user being disabled', async () => {
    const live = await feed('', await gw.login('dirk'));
    const record = gw.store.directory.user('dirk')!;

    const closing = closedWithin(live.socket, 1_000);
    gw.store.directory.putUser({ ...record.user, active: false }, record.passwordHash);

    expect(await closing).toBe(LIVE_CLOSE.credentials);
  });

  it('closes an occupant socket opened with a room code within a second of the code being replaced', async () => {
    const room = gw.creds.rooms.find((r) => r.id === 'r301')!;
    const live = await feed(`?room=r301&k=${room.qr}`);

    const closing = closedWithin(live.socket, 1_000);
    await gw.call('POST', '/api/rooms/r301/qr/rotate', { cookie: admin });

    expect(await closing).toBe(LIVE_CLOSE.credentials);
  });
});
