import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LiveTrack } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const report = async (room: string, category = 'cleaning') => {
  const res = await gw.call('POST', `/api/rooms/${room}/reports?k=${gw.creds.rooms.find((r) => r.id === room)!.qr}`, { body: { category, description: 'Crumbs everywhere' } });
  return { id: res.body.ticket.id as string, token: res.body.trackToken as string };
};

/** A tracking viewer on /ws that keeps every frame as text, to look for what must never be in it. */
async function trackFeed(token: string) {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws?track=${token}`);
  const raw: string[] = [];
  socket.on('message', (data) => raw.push(data.toString()));
  await once(socket, 'open');
  const frames = () => raw.map((text) => JSON.parse(text) as { kind: string; view?: { status: string; phase: string } });
  const until = async (match: (f: ReturnType<typeof frames>[number]) => boolean) => {
    for (let i = 0; i < 150 && !frames().some(match); i++) await new Promise((r) => setTimeout(r, 20));
    return frames().find(match);
  };
  return { socket, raw, frames, until };
}

describe('a tracking link on the live feed', () => {
  it("starts with the ticket's public view and follows each change without the site's events", async () => {
    const { id, token } = await report('r101');
    const live = await trackFeed(token);
    await live.until((f) => f.kind === 'track');
    const [sofia, ana] = [await gw.login('sofia'), await gw.login('ana')];

    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });

    expect(await live.until((f) => f.view?.phase === 'on_the_way')).toBeDefined();
    expect(live.frames()[0]).toMatchObject({ kind: 'track', view: { ticket: id, phase: 'reported' } });
    expect(live.frames().every((f) => LiveTrack.safeParse(f).success)).toBe(true);
    expect(live.frames().map((f) => f.view!.phase)).toEqual(['reported', 'assigned', 'on_the_way']);
    live.socket.close();
  });

  it('never carries internal notes, staff names or other tickets', async () => {
    const { id, token } = await report('r102');
    const other = await report('r102', 'av');
    const live = await trackFeed(token);
    await live.until((f) => f.kind === 'track');
    const sofia = await gw.login('sofia');

    await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: sofia, body: { text: 'Spare key is in drawer 3', internal: true } });
    await gw.call('POST', `/api/tickets/${other.id}/assign`, { cookie: sofia, body: { assignee: 'chen', note: 'Chen brings the HDMI adapter' } });
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ben', note: 'Ben has the trolley' } });
    await live.until((f) => f.view?.phase === 'assigned');

    const text = live.raw.join('\n');
    for (const secret of ['drawer', 'Spare key', 'sofia', 'ben', 'Ben', 'chen', 'HDMI', other.id]) expect(text).not.toContain(secret);
    expect(live.frames().every((f) => f.kind === 'track')).toBe(true);
    live.socket.close();
  });

  it('shows a rejection with its public reason as it happens', async () => {
    const { id, token } = await report('r103', 'maintenance');
    const [marco, dirk] = [await gw.login('marco'), await gw.login('dirk')];
    for (const [cookie, action, body] of [[marco, 'assign', { assignee: 'dirk' }], [dirk, 'start', {}], [dirk, 'complete', {}]] as const) {
      await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    }
    const live = await trackFeed(token);
    await live.until((f) => f.view?.phase === 'done');

    await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.panelLogin('r103'), body: { reason: 'Safety hazard remains', notes: 'Cable hangs loose' } });

    const rejected = await live.until((f) => f.view?.phase === 'rejected');
    expect(rejected).toMatchObject({ view: { status: 'escalated', rejection: { reason: 'Safety hazard remains', byOccupant: false }, mayDispute: false } });
    expect(live.raw.join('\n')).not.toContain('Cable hangs loose');
    live.socket.close();
  });

  it('closes the socket for a tracking link that was never handed out', async () => {
    const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws?track=${'n'.repeat(24)}`);

    const [code] = await once(socket, 'close');

    expect(code).toBe(4401);
  });
});
