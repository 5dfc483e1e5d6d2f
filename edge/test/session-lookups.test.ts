import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenDigest } from '../src/auth/token.ts';
import { Sessions } from '../src/store/sessions.sqlite.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/**
 * A session is looked up on every request; whatever the gateway keeps in memory for that,
 * each of these must still end or change it at once.
 */
let gw: TestGateway;
let now = Date.parse('2026-03-02T08:00:00.000Z');
const clock = () => new Date(now).toISOString();
beforeAll(async () => { gw = await startTestGateway({ clock }); });
afterAll(async () => { await gw.stop(); });

const MINUTE = 60_000;
const tokenOf = (cookie: string) => cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('ds_session='))!.slice('ds_session='.length);
const status = async (cookie: string, path = '/api/tickets') => (await gw.call('GET', path, { cookie })).status;
/** What the database holds for the token, read apart from the gateway's own lookups. */
const stored = (cookie: string) => new Sessions(gw.store.db).find(tokenOf(cookie), clock());

describe('a session looked up on every request', () => {
  it('stops working at sign-out, after it was used', async () => {
    const cookie = await gw.login('ben');
    expect(await status(cookie)).toBe(200);
    expect(await status(cookie)).toBe(200);

    expect((await gw.call('POST', '/api/auth/logout', { cookie })).status).toBe(200);

    expect(await status(cookie)).toBe(401);
    expect(await status(cookie, '/api/auth/session')).toBe(401);
  });

  it('expires when idle too long, and stays gone even if the clock goes back', async () => {
    const start = now;
    const cookie = await gw.login('ana');
    expect(await status(cookie)).toBe(200);

    now = start + 12 * 60 * MINUTE + 1_000;
    expect(await status(cookie)).toBe(401);

    now = start + MINUTE / 2;
    expect(await status(cookie)).toBe(401);
    now = start + 12 * 60 * MINUTE + 2_000;
  });

  it('renews a panel session at most once a minute, in memory and in the database', async () => {
    const start = now;
    const cookie = await gw.panelLogin('r104');
    const first = stored(cookie)!.expiresAt;
    expect(first).toBe(new Date(start + 10 * MINUTE).toISOString());

    now = start + 30_000;
    expect(await status(cookie, '/api/rooms/r104')).toBe(200);
    expect(stored(cookie)!.expiresAt).toBe(first);

    now = start + 2 * MINUTE;
    expect(await status(cookie, '/api/rooms/r104')).toBe(200);
    expect(stored(cookie)!.expiresAt).toBe(new Date(start + 12 * MINUTE).toISOString());

    now = start + 11 * MINUTE; // past the first expiry: alive only through the renewal
    const session = await gw.call('GET', '/api/auth/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.body.expiresAt).toBe(new Date(start + 21 * MINUTE).toISOString());
    expect(stored(cookie)!.expiresAt).toBe(new Date(start + 21 * MINUTE).toISOString());

    now = start + 21 * MINUTE + 1_000;
    expect(await status(cookie, '/api/rooms/r104')).toBe(401);
  });

  it('stops working the moment its user is disabled, and works again when enabled', async () => {
    const cookie = await gw.login('dirk');
    expect(await status(cookie)).toBe(200);
    const record = gw.store.directory.user('dirk')!;

    gw.store.directory.putUser({ ...record.user, active: false }, record.passwordHash);
    expect(await status(cookie)).toBe(401);

    gw.store.directory.putUser({ ...record.user, active: true }, record.passwordHash);
    expect(await status(cookie)).toBe(200);
  });

  it('acts with the user\'s new role the moment it changes', async () => {
    const cookie = await gw.login('ben');
    expect(await status(cookie, '/api/audit')).toBe(403);
    const record = gw.store.directory.user('ben')!;

    gw.store.directory.putUser({ ...record.user, role: 'facility_head' }, record.passwordHash);
    expect(await status(cookie, '/api/audit')).toBe(200);

    gw.store.directory.putUser(record.user, record.passwordHash);
    expect(await status(cookie, '/api/audit')).toBe(403);
  });

  it('stops working when its row is revoked by digest, outside any command', async () => {
    const cookie = await gw.login('marco');
    expect(await status(cookie)).toBe(200);

    gw.store.sessions.revokeDigest(tokenDigest(tokenOf(cookie)));

    expect(await status(cookie)).toBe(401);
  });

  it('stops working when every session of its subject is revoked', async () => {
    const cookie = await gw.login('sofia');
    expect(await status(cookie)).toBe(200);

    expect(gw.store.sessions.revokeSubject('sofia')).toBeGreaterThan(0);

    expect(await status(cookie)).toBe(401);
  });
});
