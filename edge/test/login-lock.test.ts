import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES } from '../src/auth/auth-service.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('guessing a password', () => {
  let gw: TestGateway;
  beforeEach(async () => { gw = await startTestGateway(); });
  afterEach(async () => { await gw.stop(); });

  const login = (username: string, password: string) => gw.call('POST', '/api/auth/login', { body: { username, password } });
  const passwordOf = (username: string) => gw.creds.users.find((u) => u.username === username)!.password;

  it('locks the username after ten wrong passwords, even against the right one, and says for how long', async () => {
    for (let i = 1; i < LOGIN_MAX_FAILURES; i += 1) expect((await login('ana', `guess-${i}`)).status).toBe(401);

    const tenth = await login('ana', 'guess-10');
    const right = await login('ana', passwordOf('ana'));

    expect(tenth.status).toBe(429);
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ error: 'SIGN_IN_LOCKED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('ben', passwordOf('ben'))).status).toBe(200);
  });

  it('starts counting again after a right password', async () => {
    for (let i = 1; i < LOGIN_MAX_FAILURES; i += 1) await login('ana', `guess-${i}`);
    expect((await login('ana', passwordOf('ana'))).status).toBe(200);

    expect((await login('ana', 'one-more-guess')).status).toBe(401);
  });
});
