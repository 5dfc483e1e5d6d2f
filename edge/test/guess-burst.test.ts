import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES, PANEL_MAX_ATTEMPTS } from '../src/auth/auth-service.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const BURST = 200;
let gw: TestGateway | undefined;
afterEach(async () => { await gw?.stop(); gw = undefined; });

const statusCounts = (statuses: number[]) => statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {});

/** Secrets compared so far, by kind, as the gateway's metrics count them. */
async function checked(gateway: TestGateway, kind: 'pin' | 'password'): Promise<number> {
  const text = (await gateway.call('GET', '/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith('doorside_secret_checks_total{') && l.includes(`kind="${kind}"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** The gateway stopped and started again on the same data folder. */
async function restarted(gateway: TestGateway): Promise<TestGateway> {
  await gateway.close();
  return startTestGateway({ dataDir: gateway.dir });
}

describe('a burst of guesses sent at once', () => {
  it('has at most five PINs compared, refuses the right PIN that comes after the lock, and keeps the lock across a restart', async () => {
    gw = await startTestGateway();
    const pin = gw.creds.panels.find((p) => p.room === 'r201')!.pin;
    const wrong = (i: number) => String((Number(pin) + 1 + i) % 1_000_000).padStart(pin.length, '0');
    const guesses = [...Array.from({ length: BURST - 1 }, (_, i) => wrong(i)), pin];
    const before = await checked(gw, 'pin');

    const answers = await Promise.all(guesses.map((guess) => gw!.call('POST', '/api/auth/panel', { body: { room: 'r201', pin: guess } })));

    const statuses = answers.map((a) => a.status);
    expect(Object.keys(statusCounts(statuses)).map(Number).every((s) => s === 401 || s === 429), JSON.stringify(statusCounts(statuses))).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(PANEL_MAX_ATTEMPTS - 1);
    expect(await checked(gw, 'pin') - before).toBeLessThanOrEqual(PANEL_MAX_ATTEMPTS);
    expect(answers.at(-1)!.status).toBe(429);
    expect(answers.at(-1)!.body.error).toBe('PANEL_LOCKED');
    expect(answers.every((a) => a.headers.getSetCookie().length === 0)).toBe(true);

    gw = await restarted(gw);
    const afterRestart = await gw.call('POST', '/api/auth/panel', { body: { room: 'r201', pin } });

    expect(afterRestart.status).toBe(429);
    expect(afterRestart.body.error).toBe('PANEL_LOCKED');
    expect(await checked(gw, 'pin')).toBe(0);
  });

  it('has at most ten passwords compared for a username, refuses the right one after the lock, and keeps the lock across a restart', async () => {
    gw = await startTestGateway();
    const password = gw.creds.users.find((u) => u.username === 'ana')!.password;
    const guesses = [...Array.from({ length: BURST - 1 }, (_, i) => `guess-${i}`), password];
    const before = await checked(gw, 'password');

    const answers = await Promise.all(guesses.map((guess) => gw!.call('POST', '/api/auth/login', { body: { username: 'ana', password: guess } })));

    const statuses = answers.map((a) => a.status);
    expect(Object.keys(statusCounts(statuses)).map(Number).every((s) => s === 401 || s === 429), JSON.stringify(statusCounts(statuses))).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES - 1);
    expect(await checked(gw, 'password') - before).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(answers.at(-1)!.status).toBe(429);
    expect(answers.at(-1)!.body.error).toBe('SIGN_IN_LOCKED');
    expect((await gw.call('POST', '/api/auth/login', { body: { username: 'ben', password: gw.creds.users.find((u) => u.username === 'ben')!.password } })).status).toBe(200);

    gw = await restarted(gw);
    const afterRestart = await gw.call('POST', '/api/auth/login', { body: { username: 'ana', password } });

    expect(afterRestart.status).toBe(429);
    expect(afterRestart.body.error).toBe('SIGN_IN_LOCKED');
    expect(Number(afterRestart.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
