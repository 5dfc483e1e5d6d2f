import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** Looks typed, shows nothing: zero-width space, non-joiner, joiner, word joiner, byte order mark, and white space. */
const invisible = '\u200B\u200C \u200D\u2060\uFEFF\t\u00A0\u200B';

let gw: TestGateway;
const cookies: Record<string, string> = {};
const fixture = { open: '', done: '', track: '' };
const reportPath = (room: string) => { const u = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi); return u.pathname + u.search; };
const qr = (room: string) => new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi).searchParams.get('k')!;

beforeAll(async () => {
  gw = await startTestGateway();
  for (const user of ['sofia', 'hanna', 'ana']) cookies[user] = await gw.login(user);
  const open = await gw.call('POST', reportPath('r101'), { body: { category: 'cleaning', description: 'Spilled coffee' } });
  const done = await gw.call('POST', reportPath('r102'), { body: { category: 'cleaning', description: 'Bins full' } });
  Object.assign(fixture, { open: open.body.ticket.id, done: done.body.ticket.id, track: done.body.trackToken });
  await gw.call('POST', `/api/tickets/${fixture.done}/assign`, { cookie: cookies.sofia!, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${fixture.done}/start`, { cookie: cookies.ana!, body: {} });
  const completed = await gw.call('POST', `/api/tickets/${fixture.done}/complete`, { cookie: cookies.ana!, body: {} });
  expect(completed.body.ticket.status).toBe('done');
});
afterAll(async () => { await gw.stop(); });

const head = () => gw.store.log.head.seq;

describe('text with no visible character', () => {
  it.each<[string, () => string, object, string | undefined]>([
    ['a report description', () => reportPath('r101'), { category: 'cleaning', description: invisible }, undefined],
    ['an occupant note', () => `/api/rooms/r101/tickets/${fixture.open}/notes?k=${qr('r101')}`, { text: invisible }, undefined],
    ['a "not resolved" reason', () => `/api/track/${fixture.track}/dispute`, { reason: invisible }, undefined],
    ['a rejection reason', () => `/api/tickets/${fixture.done}/reject`, { reason: invisible }, 'sofia'],
    ['a comment', () => `/api/tickets/${fixture.open}/comment`, { text: invisible }, 'sofia'],
    ['a new task\'s description', () => '/api/tickets', { kind: 'task', category: 'cleaning', room: 'r101', description: invisible }, 'sofia'],
    ['a new task\'s title', () => '/api/tickets', { kind: 'task', category: 'cleaning', room: 'r101', title: invisible, description: 'Refill soap' }, 'sofia'],
    ['a room status reason', () => '/api/rooms/r103/status', { status: 'do_not_use', reason: invisible }, 'hanna'],
    ['a text shown on a sign', () => '/api/devices/sign-r101/commands', { type: 'show', text: invisible }, 'hanna'],
  ])('is refused as %s with 400 INVALID, writing nothing', async (_name, path, body, as) => {
    const before = head();

    const res = await gw.call('POST', path(), { body, ...(as ? { cookie: cookies[as]! } : {}) });

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'INVALID', message: expect.any(String) });
    expect(head()).toBe(before);
  });

  it('is refused as a report description sent as multipart too', async () => {
    const form = new FormData();
    form.append('category', 'cleaning');
    form.append('description', invisible);

    const res = await fetch(`${gw.http}${reportPath('r104')}`, { method: 'POST', body: form });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'INVALID' });
  });

  it('counts as no comment on a rating', async () => {
    const res = await gw.call('POST', `/api/track/${fixture.track}/rating`, { body: { score: 4, comment: invisible } });

    expect(res.status).toBe(200);
    expect(res.body.rating).toEqual({ score: 4, comment: null });
  });

  it('keeps invisible characters between visible ones, and drops them at the ends', async () => {
    const res = await gw.call('POST', `/api/tickets/${fixture.open}/comment`, { cookie: cookies.sofia!, body: { text: '\u200B\uFEFF Family 👨\u200D👩\u200D👧 waiting \u2060', internal: false } });

    expect(res.status).toBe(200);
    expect(res.body.ticket.notes.at(-1).text).toBe('Family 👨\u200D👩\u200D👧 waiting');
  });
});
