import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashSecret } from '../src/auth/passwords.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
  // A second vendor, given no work here.
  gw.store.directory.putUser({ id: 'acme', name: 'Acme Glass (vendor)', role: 'vendor', teams: [], active: true } as never, await hashSecret('acme-password-1'));
});
afterAll(async () => { await gw.stop(); });

interface Frame { kind: string; type?: string; entity?: string; state?: any }
interface Viewer { name: string; cookie: string; frames: Frame[]; socket: WebSocket }

async function watch(name: string, cookie: string): Promise<Viewer> {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws`, { headers: { cookie } });
  const frames: Frame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await once(socket, 'open');
  return { name, cookie, frames, socket };
}

async function vendorLogin(username: string, password: string): Promise<string> {
  const res = await gw.call('POST', '/api/auth/login', { body: { username, password } });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const hasInternal = (ticket: { notes?: { internal: boolean }[] }) => (ticket.notes ?? []).some((n) => n.internal);

describe('what each viewer sees of tickets, over HTTP and over /ws', () => {
  it('is the same set of tickets, with staff-only notes in the same places, for every kind of viewer', async () => {
    const viewers = await Promise.all([
      watch('cleaning staff', await gw.login('ana')),
      watch('av staff', await gw.login('chen')),
      watch('supervisor', await gw.login('marco')),
      watch('vendor with work', await gw.login('liftco')),
      watch('vendor without work', await vendorLogin('acme', 'acme-password-1')),
      watch('panel of r205', await gw.panelLogin('r205')),
      watch('panel of r101', await gw.panelLogin('r101')),
    ]);
    const boss = await gw.login('sofia');
    const open = async (category: string, room: string, extra: object = {}) =>
      (await gw.call('POST', '/api/tickets', { cookie: boss, body: { kind: 'task', category, room, description: 'Parity check', ...extra } })).body.id as string;
    const cleaning = await open('cleaning', 'r101');
    const av = await open('av', 'r102');
    const lift = await open('maintenance', 'r205');
    const pool = await open('maintenance', 'r205');
    await gw.call('POST', `/api/tickets/${lift}/assign`, { cookie: boss, body: { assignee: 'liftco' } });
    for (const id of [cleaning, av, lift, pool]) {
      await gw.call('POST', `/api/tickets/${id}/comment`, { cookie: boss, body: { text: 'Key is at reception', internal: true } });
    }
    const ours = new Set([cleaning, av, lift, pool]);
    const lastSeq = gw.store.log.head.seq;
    await expect.poll(() => viewers.find((v) => v.name === 'supervisor')!.frames.some((f) => f.entity === `ticket:${pool}` && (f.state?.notes ?? []).length > 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));

    const seen = await Promise.all(viewers.map(async (viewer) => {
      const live = new Map<string, any>();
      for (const f of viewer.frames) if (f.kind === 'event' && f.entity?.startsWith('ticket:') && ours.has(f.state?.id)) live.set(f.state.id, f.state);
      const list = (await gw.call('GET', '/api/tickets?limit=500', { cookie: viewer.cookie })).body.tickets as any[];
      const listed = new Map(list.filter((t) => ours.has(t.id)).map((t) => [t.id, t]));
      const read = new Map<string, any>();
      for (const id of ours) {
        const res = await gw.call('GET', `/api/tickets/${id}`, { cookie: viewer.cookie });
        expect([200, 404], `${viewer.name} reading ${id}`).toContain(res.status);
        if (res.status === 200) read.set(id, res.body);
      }
      const ids = (m: Map<string, any>) => [...m.keys()].sort();
      const notes = (m: Map<string, any>) => Object.fromEntries([...m].map(([id, t]) => [id, hasInternal(t)]));
      return { viewer: viewer.name, live: ids(live), listed: ids(listed), read: ids(read), liveNotes: notes(live), readNotes: notes(read), listedNotes: notes(listed) };
    }));
    for (const v of viewers) v.socket.close();

    const expected: Record<string, { tickets: string[]; notes: boolean }> = {
      'cleaning staff': { tickets: [cleaning], notes: true },
      'av staff': { tickets: [av], notes: true },
      supervisor: { tickets: [cleaning, av, lift, pool], notes: true },
      'vendor with work': { tickets: [lift], notes: false },
      'vendor without work': { tickets: [], notes: false },
      'panel of r205': { tickets: [lift, pool], notes: true },
      'panel of r101': { tickets: [cleaning], notes: true },
    };
    expect(lastSeq).toBeGreaterThan(0);
    for (const s of seen) {
      const want = expected[s.viewer]!;
      const wantNotes = Object.fromEntries([...want.tickets].sort().map((id) => [id, want.notes]));
      expect({ viewer: s.viewer, live: s.live, listed: s.listed, read: s.read }).toEqual({ viewer: s.viewer, live: [...want.tickets].sort(), listed: [...want.tickets].sort(), read: [...want.tickets].sort() });
      expect({ viewer: s.viewer, live: s.liveNotes, listed: s.listedNotes, read: s.readNotes }).toEqual({ viewer: s.viewer, live: wantNotes, listed: wantNotes, read: wantNotes });
    }
  });

  it('gives staff outside the team 404 for the ticket, as vendors and panels get, and keeps it out of their queue', async () => {
    const boss = await gw.login('sofia');
    const av = (await gw.call('POST', '/api/tickets', { cookie: boss, body: { kind: 'task', category: 'av', room: 'r103', description: 'Cable check' } })).body.id as string;
    const ana = await gw.login('ana');

    const read = await gw.call('GET', `/api/tickets/${av}`, { cookie: ana });
    const queue = await gw.call('GET', '/api/queue', { cookie: ana });
    const room = await gw.call('GET', '/api/rooms/r103', { cookie: ana });
    const byChen = await gw.call('GET', `/api/tickets/${av}`, { cookie: await gw.login('chen') });

    expect(read.status).toBe(404);
    expect(read.body.error).toBe('NOT_FOUND');
    expect([...queue.body.mine, ...queue.body.pool].map((i: { ticket: { id: string } }) => i.ticket.id)).not.toContain(av);
    expect(room.body.openTickets.map((t: { id: string }) => t.id)).not.toContain(av);
    expect(byChen.status).toBe(200);
  });

  it('exports to CSV only for those who read the whole site, with every ticket', async () => {
    const boss = await gw.login('sofia');
    const id = (await gw.call('POST', '/api/tickets', { cookie: boss, body: { kind: 'task', category: 'security', room: 'r301', description: 'Badge reader' } })).body.id as string;

    const byMarco = await gw.call('GET', '/api/exports/tickets.csv', { cookie: await gw.login('marco') });
    const byAna = await gw.call('GET', '/api/exports/tickets.csv', { cookie: await gw.login('ana') });

    expect(byMarco.status).toBe(200);
    expect(byMarco.body).toContain(id);
    expect(byAna.status).toBe(403);
  });
});
