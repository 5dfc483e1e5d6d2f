import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

interface Frame { kind: string; type?: string; entity?: string; state?: any; rooms?: { id: string }[] }

async function feed(query: string, cookie?: string) {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws${query}`, cookie ? { headers: { cookie } } : {});
  const frames: Frame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await once(socket, 'open');
  const until = async (match: (f: Frame) => boolean) => {
    for (let i = 0; i < 100 && !frames.some(match); i++) await new Promise((r) => setTimeout(r, 20));
    return frames.find(match);
  };
  return { socket, frames, until };
}

async function report(room: string, category: string) {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: 'Live feed check' } });
  return res.body.ticket.id as string;
}

describe('the live feed on /ws', () => {
  it('gives a sign its room snapshot first and then only its room status', async () => {
    const sign = gw.creds.devices.find((d) => d.id === 'sign-r301')!;
    const live = await feed(`?device=${sign.id}&secret=${sign.password}`);
    await live.until((f) => f.kind === 'snapshot');

    await report('r302', 'cleaning');
    const id = await report('r301', 'cleaning');

    const status = await live.until((f) => f.type === 'room-status-changed');
    expect(live.frames[0]).toMatchObject({ kind: 'snapshot', rooms: [{ id: 'r301' }] });
    expect(status?.state).toMatchObject({ id: 'r301', status: 'service_due', ticket: id });
    expect(live.frames.filter((f) => f.kind === 'event').every((f) => f.entity === 'room:r301')).toBe(true);
    live.socket.close();
  });

  it('shows cleaning staff their team tickets and not the AV team', async () => {
    const live = await feed('', await gw.login('ana'));
    await live.until((f) => f.kind === 'snapshot');

    const av = await report('r303', 'av');
    const cleaning = await report('r303', 'cleaning');

    expect(await live.until((f) => f.entity === `ticket:${cleaning}`)).toBeDefined();
    expect(live.frames.some((f) => f.entity === `ticket:${av}`)).toBe(false);
    live.socket.close();
  });

  it('closes a connection that brings no valid credentials', async () => {
    const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws?device=sign-r101&secret=wrong`);

    const [code] = await once(socket, 'close');

    expect(code).toBe(4401);
  });
});
