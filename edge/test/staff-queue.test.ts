import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let offsetMs = 0;
const cookies: Record<string, string> = {};
const as = async (user: string) => (cookies[user] ??= await gw.login(user));

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => new Date(Date.now() + offsetMs).toISOString() });
});
afterAll(async () => { await gw.stop(); });

async function report(room: string, category: string): Promise<string> {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: `Queue check in ${room}` } });
  expect(res.status).toBe(201);
  return res.body.ticket.id;
}

async function task(priority: string, extra: Record<string, unknown> = {}, by = 'sofia'): Promise<string> {
  const res = await gw.call('POST', '/api/tickets', {
    cookie: await as(by), body: { kind: 'task', category: 'cleaning', room: 'r104', description: `A ${priority} task`, priority, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function act(user: string, id: string, action: string, body: unknown = {}) {
  return gw.call('POST', `/api/tickets/${id}/${action}`, { cookie: await as(user), body });
}

const queueOf = async (user: string, query = '') => gw.call('GET', `/api/queue${query}`, { cookie: await as(user) });
const ids = (items: { ticket: { id: string } }[]) => items.map((i) => i.ticket.id);

describe('GET /api/queue', () => {
  it('lists a cleaner\'s team pool by priority, then by due time, without other teams\' or taken tickets', async () => {
    const normal = await task('normal');
    const urgent = await task('urgent');
    const low = await task('low');
    const av = await report('r201', 'av');
    const taken = await task('high');
    expect((await act('ben', taken, 'claim')).status).toBe(200);
    offsetMs = -3 * 3600_000;
    const oldNormal = await task('normal');
    offsetMs = 0;

    const res = await queueOf('ana');

    expect(res.status).toBe(200);
    const pool = ids(res.body.pool);
    expect(pool.filter((id) => [normal, urgent, low, oldNormal].includes(id))).toEqual([urgent, oldNormal, normal, low]);
    expect(pool).not.toContain(av);
    expect(pool).not.toContain(taken);
    expect(ids((await queueOf('ben')).body.mine)).toContain(taken);
  });

  it('answers with the gateway\'s own time, so pages judge due times by its clock', async () => {
    offsetMs = 5 * 3600_000;
    const res = await queueOf('ana');
    offsetMs = 0;

    expect(Date.parse(res.body.now) - Date.now()).toBeGreaterThan(4.9 * 3600_000);
  });

  it('keeps my own tickets until they are closed, and offers only what the rules accept', async () => {
    const id = await task('normal', { assignee: 'ana' });
    const gone = await task('normal', { assignee: 'ana' });
    expect((await act('sofia', gone, 'cancel', { reason: 'Reported twice' })).status).toBe(200);

    const res = await queueOf('ana');

    const mine = res.body.mine.find((i: { ticket: { id: string } }) => i.ticket.id === id);
    expect(ids(res.body.mine)).not.toContain(gone);
    expect(mine.actions.sort()).toEqual(['comment', 'release', 'start', 'transfer']);
    expect(mine.transferTo).toEqual(expect.arrayContaining(['ben', 'sofia']));
    expect(mine.transferTo).not.toContain('ana');
    expect(mine.transferTo).not.toContain('chen');
    expect(res.body.pool.every((i: { actions: string[] }) => i.actions.includes('claim') && !i.actions.includes('start'))).toBe(true);
    expect(res.body.me).toMatchObject({ id: 'ana', name: 'Ana Costa', role: 'staff', teams: ['cleaning'], claims: true, internalNotes: true, materials: true, orderItems: true });
    expect(res.body.rooms).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'r104', name: 'Restroom 1', floor: 1, zone: 'Lobby', names: expect.objectContaining({ zh: '1号洗手间' }) })]));
  });

  it('gives a vendor only the work orders given to them, without staff-only notes or a pool', async () => {
    const res = await gw.call('POST', '/api/tickets', {
      cookie: await as('marco'), body: { kind: 'work_order', category: 'maintenance', room: 'r302', description: 'Lift door sticks', assignee: 'liftco' },
    });
    const id = res.body.id;
    await act('marco', id, 'comment', { text: 'Code for the plant room is 4711', internal: true });
    await act('marco', id, 'comment', { text: 'Please call on arrival', internal: false });
    await report('r302', 'maintenance');

    const queue = (await queueOf('liftco')).body;

    expect(ids(queue.mine)).toEqual([id]);
    expect(queue.pool).toEqual([]);
    expect(queue.me).toMatchObject({ claims: false, internalNotes: false, materials: false, orderItems: false });
    expect(queue.mine[0].actions.sort()).toEqual(['accept', 'comment', 'start']);
    expect(queue.mine[0].ticket.notes.map((n: { text: string }) => n.text)).toEqual(['Please call on arrival']);
  });

  it('refuses a bad query with 400', async () => {
    expect((await queueOf('ana', '?limit=0')).status).toBe(400);
    expect((await queueOf('ana', '?limit=lots')).status).toBe(400);
    const unknown = await queueOf('ana', '?status=new');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('INVALID');
  });

  it('honours the limit per list', async () => {
    const res = await queueOf('ana', '?limit=1');

    expect(res.body.pool).toHaveLength(1);
  });

  it('asks for a sign-in, and refuses door panels and roles that do not work tickets', async () => {
    const anonymous = await gw.call('GET', '/api/queue');
    const panel = await gw.call('GET', '/api/queue', { cookie: await gw.panelLogin('r101') });
    const reception = await queueOf('rita');

    expect(anonymous.status).toBe(401);
    expect(panel.status).toBe(403);
    expect(reception.status).toBe(403);
    expect(reception.body).toMatchObject({ error: 'NOT_A_WORKER' });
  });
});

describe('POST /api/tickets/{id}/release', () => {
  it('hands my ticket back to the team pool, where a colleague can claim it', async () => {
    const id = await task('high', { assignee: 'ana' });
    await act('ana', id, 'start');

    const res = await act('ana', id, 'release', { note: 'Needs two people' });

    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ id, status: 'new', assignee: null });
    expect(res.body.ticket.history.at(-1)).toMatchObject({ action: 'release', actor: 'user:ana', note: 'Needs two people' });
    expect(ids((await queueOf('ben')).body.pool)).toContain(id);
    expect((await act('ben', id, 'claim')).status).toBe(200);
  });

  it('refuses staff handing back a colleague\'s ticket with 403', async () => {
    const id = await task('normal', { assignee: 'ben' });

    const res = await act('ana', id, 'release');

    expect(res.status).toBe(403);
    expect(res.body.error).toBe('NOT_ASSIGNEE');
    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: await as('ana') })).body.assignee).toBe('ben');
  });

  it('refuses with 409 a ticket already in the pool or finished, naming what it allows', async () => {
    const pooled = await task('normal');
    const done = await task('normal', { assignee: 'ana' });
    await act('ana', done, 'start');
    await act('ana', done, 'complete');

    const inPool = await act('sofia', pooled, 'release');
    const finished = await act('ana', done, 'release');

    expect(inPool.status).toBe(409);
    expect(inPool.body.details.allowed).toEqual(['assign', 'claim', 'escalate', 'cancel', 'comment']);
    expect(finished.status).toBe(409);
    expect(finished.body.details.allowed).toEqual(['approve', 'reject', 'comment']);
  });

  it('refuses a body with unknown fields, and a request without a session', async () => {
    const id = await task('normal', { assignee: 'ana' });

    const bad = await act('ana', id, 'release', { to: 'team' });
    const anonymous = await gw.call('POST', `/api/tickets/${id}/release`, { body: {} });

    expect(bad.status).toBe(400);
    expect(anonymous.status).toBe(401);
    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: await as('ana') })).body.assignee).toBe('ana');
  });

  it('refuses a vendor, who may not transfer', async () => {
    const created = await gw.call('POST', '/api/tickets', {
      cookie: await as('marco'), body: { kind: 'work_order', category: 'maintenance', room: 'r303', description: 'Door closer', assignee: 'liftco' },
    });

    const res = await act('liftco', created.body.id, 'release');

    expect(res.status).toBe(403);
    expect(res.body.error).toBe('NOT_PERMITTED');
  });
});
