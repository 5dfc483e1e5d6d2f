import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { tenantSignIn } from '../src/test-support/tenant-sign-in.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway({ demoInquiries: true }); });
afterAll(async () => { await gw?.stop(); });

interface Frame { kind: string; type?: string; entity?: string; state?: any; rooms?: unknown[]; announcements?: { id: string }[] }

/** A live feed that keeps every frame as sent, to look for what must never be in it. */
async function feed(query: string, cookie?: string) {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws${query}`, cookie ? { headers: { cookie } } : {});
  const raw: string[] = [];
  socket.on('message', (data) => raw.push(data.toString()));
  await once(socket, 'open');
  const frames = () => raw.map((text) => JSON.parse(text) as Frame);
  const until = async (match: (f: Frame) => boolean) => {
    for (let i = 0; i < 150 && !frames().some(match); i++) await new Promise((r) => setTimeout(r, 20));
    return frames().find(match);
  };
  return { socket, raw, frames, until };
}
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('the tenant portal on the live feed', () => {
  it('brings a request\'s status, reply and approval to its reporter and their company\'s administrator, and nothing of it to other tenants', async () => {
    const [mei, grace, sigrid, lena] = await Promise.all(['mei.lin@harbour.example', 'grace.miller@harbour.example', 'sigrid.dahl@nordlys.example', 'lena.brandt@nordlys.example'].map((e) => tenantSignIn(gw, e)));
    const feeds = { mei: await feed('', mei), grace: await feed('', grace), sigrid: await feed('', sigrid), lena: await feed('', lena) };
    await Promise.all(Object.values(feeds).map((f) => f.until((x) => x.kind === 'snapshot')));
    const id = (await gw.call('POST', '/api/portal/requests', { cookie: mei, body: { room: 'r301', category: 'cleaning', title: 'Whiteboard ghosting', description: 'Needs a wipe' } })).body.request.id as string;
    const marco = await gw.login('marco');

    await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: marco, body: { text: 'Secret-internal-remark', internal: true } });
    await gw.call('POST', `/api/tickets/${id}/reply`, { cookie: marco, body: { text: 'Tomorrow at nine' } });
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/approvals`, { cookie: marco, body: { subject: { kind: 'quote', amount: 4200, currency: 'NOK', limit: 500 } } });
    for (const f of [feeds.mei, feeds.grace]) await f.until((x) => x.type === 'approval-requested');
    await new Promise((r) => setTimeout(r, 300));

    for (const f of [feeds.mei, feeds.grace]) {
      expect(f.frames()[0]).toMatchObject({ kind: 'snapshot', rooms: [] });
      expect(f.frames().filter((x) => x.entity === `ticket:${id}`).map((x) => x.type)).toEqual(expect.arrayContaining(['ticket-replied', 'ticket-assigned', 'approval-requested']));
      expect(f.frames().find((x) => x.type === 'ticket-assigned')?.state).toMatchObject({ id, status: 'assigned', title: 'Whiteboard ghosting' });
      expect(f.raw.join('\n')).not.toMatch(/Secret-internal-remark|marco|"ana"/);
      expect(f.frames().some((x) => x.entity?.startsWith('room:') || x.type === 'ticket-commented')).toBe(false);
    }
    for (const f of [feeds.sigrid, feeds.lena]) expect(f.raw.join('\n')).not.toContain(id);
    for (const f of Object.values(feeds)) f.socket.close();
  });

  it('brings an announcement for a company to its tenants as it starts, and not to another company\'s', async () => {
    const [mei, sigrid] = await Promise.all(['mei.lin@harbour.example', 'sigrid.dahl@nordlys.example'].map((e) => tenantSignIn(gw, e)));
    const [meiFeed, sigridFeed] = [await feed('', mei), await feed('', sigrid)];
    await Promise.all([meiFeed, sigridFeed].map((f) => f.until((x) => x.kind === 'snapshot')));

    const made = await gw.call('POST', '/api/announcements', {
      cookie: await gw.login('hanna'), body: { title: { en: 'Harbour drinks' }, text: { en: 'Friday at four' }, targets: [{ kind: 'company', company: 'Harbour Trading Ltd' }], expiresAt: inSeconds(60) },
    });
    await meiFeed.until((x) => x.type === 'announcement-started');
    await new Promise((r) => setTimeout(r, 200));

    expect(meiFeed.frames().find((x) => x.type === 'announcement-started')?.state).toMatchObject({ id: made.body.id, title: { en: 'Harbour drinks' } });
    expect(sigridFeed.raw.join('\n')).not.toContain(made.body.id);
    meiFeed.socket.close();
    sigridFeed.socket.close();
  });

  it('sends a tracking link the announcements of its room as one goes up and comes down, and none of another room', async () => {
    const report = await gw.call('POST', `/api/rooms/r104/reports?k=${gw.creds.rooms.find((r) => r.id === 'r104')!.qr}`, { body: { category: 'cleaning', description: 'Crumbs' } });
    const live = await feed(`?track=${report.body.trackToken}`);
    await live.until((f) => f.kind === 'track');
    const hanna = await gw.login('hanna');
    const announce = (room: string, en: string) => gw.call('POST', '/api/announcements', { cookie: hanna, body: { title: { en }, text: { en: 'Today' }, targets: [{ kind: 'room', room }], expiresAt: inSeconds(60) } });

    await announce('r105', 'Next door');
    const mine = (await announce('r104', 'Carpet cleaning')).body.id as string;
    const up = await live.until((f) => f.kind === 'announcements');
    await gw.call('POST', `/api/announcements/${mine}/withdraw`, { cookie: hanna });
    const down = await live.until((f) => f.kind === 'announcements' && !f.announcements!.some((a) => a.id === mine));

    expect(up?.announcements?.map((a) => a.id)).toContain(mine);
    expect(down).toBeDefined();
    expect(live.frames().filter((f) => f.kind === 'announcements')).toHaveLength(2);
    expect(live.raw.join('\n')).not.toContain('Next door');
    live.socket.close();
  });
});
