import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

describe('GET /api/people', () => {
  it('lists the site\'s people with username, full name, role and teams for signed-in staff', async () => {
    const res = await gw.call('GET', '/api/people', { cookie: await gw.login('ana') });

    expect(res.status).toBe(200);
    const dirk = res.body.people.find((p: { id: string }) => p.id === 'dirk');
    expect(dirk).toMatchObject({ id: 'dirk', username: 'dirk', role: 'staff', teams: ['maintenance'] });
    expect(dirk.fullName).not.toBe('dirk');
    expect(res.body.people.map((p: { username: string }) => p.username)).toEqual(expect.arrayContaining(['hanna', 'marco', 'ana']));
  });

  it('refuses a caller without a session', async () => {
    const res = await gw.call('GET', '/api/people');

    expect(res.status).toBe(401);
  });
});
