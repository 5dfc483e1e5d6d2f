import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInAttempts } from '../src/store/sign-in-attempts.sqlite.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let now = Date.parse('2026-03-02T08:00:00.000Z');
const clock = () => new Date(now).toISOString();
beforeAll(async () => { gw = await startTestGateway({ clock, demoSecretCost: 'standard' }); });
afterAll(async () => { await gw.stop(); });

const password = (user: string) => gw.creds.users.find((u) => u.username === user)!.password;
const pin = (room: string) => gw.creds.panels.find((p) => p.room === room)!.pin;
const wrongPin = (room: string) => (pin(room) === '000000' ? '111111' : '000000');
const cookieOf = (headers: Headers) => headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const panelSignIn = (room: string, code: string) => gw.call('POST', '/api/auth/panel', { body: { room, pin: code } });

/** An occupant's report in the room, assigned, started and completed by ana: it waits for approval. */
async function finishedJob(room: string) {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const report = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Bins full' } });
  const id = report.body.ticket.id as string;
  const [boss, ana] = [await gw.login('sofia'), await gw.login('ana')];
  await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
  const done = await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana });
  expect(done.body.ticket.status).toBe('done');
  return id;
}

describe('staff sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie for the whole site', async () => {
    const res = await gw.call('POST', '/api/auth/login', { body: { username: 'ana', password: password('ana') } });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'user', user: 'ana', role: 'staff', room: null, expiresAt: '2026-03-02T20:00:00.000Z' });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^ds_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/;');
  });

  it('answers a wrong password and an unknown user with the same 401 and sets no cookie', async () => {
    const wrong = await gw.call('POST', '/api/auth/login', { body: { username: 'ana', password: `${password('ana')}x` } });
    const unknown = await gw.call('POST', '/api/auth/login', { body: { username: 'nobody', password: password('ana') } });

    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'BAD_CREDENTIALS', message: 'wrong username or password' });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('refuses requests without a valid session cookie with 401 SIGN_IN_REQUIRED', async () => {
    const none = await gw.call('GET', '/api/tickets');
    const forged = await gw.call('GET', '/api/auth/session', { cookie: 'ds_session=forged-token-value-that-matches-nothing' });

    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: 'SIGN_IN_REQUIRED', message: 'sign in first: no valid session' });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('SIGN_IN_REQUIRED');
  });

  it('describes the current session at GET /api/auth/session', async () => {
    const cookie = await gw.login('sofia');

    const res = await gw.call('GET', '/api/auth/session', { cookie });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ kind: 'user', user: 'sofia', role: 'supervisor', room: null, expiresAt: new Date(now + 12 * 3600_000).toISOString() });
  });

  it('revokes the session on the server at logout, so the old cookie stops working', async () => {
    const cookie = await gw.login('ben');
    expect((await gw.call('GET', '/api/tickets', { cookie })).status).toBe(200);

    const out = await gw.call('POST', '/api/auth/logout', { cookie });

    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    expect(out.headers.getSetCookie()[0]).toMatch(/^ds_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await gw.call('GET', '/api/tickets', { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('SIGN_IN_REQUIRED');
    expect((await gw.call('GET', '/api/auth/session', { cookie })).status).toBe(401);
  });
});

describe('door panel sign-in', () => {
  it('gives a panel session bound to its room that acts and sees only there', async () => {
    const here = await finishedJob('r103');
    const there = await finishedJob('r104');
    const signedIn = await panelSignIn('r103', pin('r103'));
    const panel = cookieOf(signedIn.headers);

    const list = await gw.call('GET', '/api/tickets', { cookie: panel });
    const listElsewhere = await gw.call('GET', '/api/tickets?room=r104', { cookie: panel });
    const elsewhere = await gw.call('POST', `/api/tickets/${there}/approve`, { cookie: panel });
    const rejectElsewhere = await gw.call('POST', `/api/tickets/${there}/reject`, { cookie: panel, body: { reason: 'Not cleaned' } });
    const approve = await gw.call('POST', `/api/tickets/${here}/approve`, { cookie: panel });

    expect(signedIn.body).toEqual({ kind: 'panel', user: null, role: 'panel', room: 'r103', expiresAt: new Date(now + 10 * 60_000).toISOString() });
    expect(list.body.tickets.map((t: { id: string }) => t.id)).toEqual([here]);
    expect(listElsewhere.body.tickets).toEqual([]);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toEqual({ error: 'WRONG_ROOM', message: 'this panel belongs to room r103, not r104', details: { room: 'r103' } });
    expect(rejectElsewhere.body.error).toBe('WRONG_ROOM');
    expect(gw.store.tickets.get(there)!.status).toBe('done');
    expect(approve.status).toBe(200);
    expect(approve.body.ticket.status).toBe('verified');
  });

  it('refuses a wrong PIN with 401 and the tries left', async () => {
    const res = await panelSignIn('r201', wrongPin('r201'));

    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'BAD_CREDENTIALS', message: 'wrong PIN (4 tries left before the panel locks)', details: { triesLeft: 4 } });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('locks a panel after five wrong PINs, even for the right PIN, while other panels still work', async () => {
    const tries: number[] = [];
    for (let i = 0; i < 4; i++) tries.push((await panelSignIn('r202', wrongPin('r202'))).status);

    const fifth = await panelSignIn('r202', wrongPin('r202'));
    now += 20_000;
    const right = await panelSignIn('r202', pin('r202'));
    const other = await panelSignIn('r203', pin('r203'));

    expect(tries).toEqual([401, 401, 401, 401]);
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('60');
    expect(fifth.body).toEqual({ error: 'PANEL_LOCKED', message: 'too many wrong PINs: this panel is locked for 60 s', details: { retryAfterSeconds: 60 } });
    expect(right.status).toBe(429);
    expect(right.body.error).toBe('PANEL_LOCKED');
    expect(right.headers.get('retry-after')).toBe('40');
    expect(right.headers.getSetCookie()).toEqual([]);
    expect(other.status).toBe(200);
    expect(other.body.room).toBe('r203');
  });

  it('accepts the right PIN again once the lock has expired', async () => {
    for (let i = 0; i < 5; i++) await panelSignIn('r204', wrongPin('r204'));
    expect((await panelSignIn('r204', pin('r204'))).status).toBe(429);

    now += 61_000;
    const res = await panelSignIn('r204', pin('r204'));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'panel', room: 'r204' });
    expect(new SignInAttempts(gw.store.db).get('pin:r204')).toBeUndefined();
  });
});

describe('rights', () => {
  it('refuses the audit log to staff with 403 naming the missing right', async () => {
    const res = await gw.call('GET', '/api/events', { cookie: await gw.login('ben') });

    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'NOT_PERMITTED', message: 'a staff may not read-audit', details: { role: 'staff', right: 'read-audit' } });
  });

  it('refuses reception setting a room status with 403 and leaves the room alone', async () => {
    const cookie = await gw.login('rita');
    const before = gw.store.rooms.get('r101');

    const res = await gw.call('POST', '/api/rooms/r101/status', { cookie, body: { status: 'do_not_use', reason: 'Water on the floor' } });

    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'NOT_PERMITTED', details: { role: 'reception', right: 'set-room-status' } });
    expect(gw.store.rooms.get('r101')).toEqual(before);
  });

  it('refuses staff creating a task with an assignee, but not without one', async () => {
    const cookie = await gw.login('ben');
    const task = { kind: 'task', category: 'cleaning', room: 'r105', description: 'Refill soap' };
    const head = gw.store.log.head.seq;

    const assigned = await gw.call('POST', '/api/tickets', { cookie, body: { ...task, assignee: 'ana' } });
    const headAfterRefusal = gw.store.log.head.seq;
    const plain = await gw.call('POST', '/api/tickets', { cookie, body: task });

    expect(assigned.status).toBe(403);
    expect(assigned.body).toEqual({ error: 'NOT_PERMITTED', message: 'a staff may not assign tickets', details: { role: 'staff', right: 'assign' } });
    expect(headAfterRefusal).toBe(head);
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ status: 'new', assignee: null });
  });
});

describe('secrets at rest', () => {
  it('stores passwords and PINs as argon2id and writes none of them to the event log', async () => {
    const users = gw.store.db.prepare('SELECT id, password_hash FROM users').all() as { id: string; password_hash: string }[];
    const panels = gw.store.db.prepare('SELECT pin_hash FROM panels').all() as { pin_hash: string }[];
    const states = (gw.store.db.prepare('SELECT state FROM events').all() as { state: string }[]).map((e) => e.state).join('\n');

    expect(users).toHaveLength(13);
    for (const u of users) expect(u.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(panels).toHaveLength(15);
    for (const p of panels) expect(p.pin_hash).toMatch(/^\$argon2id\$/);
    expect(states).toContain('"kind":"panel"'); // sign-ins were logged, without their secrets
    for (const u of gw.creds.users) expect(states).not.toContain(u.password);
    for (const p of gw.creds.panels) expect(states).not.toMatch(new RegExp(`(?<!\\d)${p.pin}(?!\\d)`));
  });
});
