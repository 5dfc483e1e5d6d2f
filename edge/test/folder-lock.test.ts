import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoCredentials } from '../src/seed/demo-credentials.ts';
import { freePort, gatewayProcess, killAll, run, scripts } from './support/processes.ts';

// Each test starts gateway processes, and a start loads the whole gateway: on a busy machine that alone can take seconds.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const dirs: string[] = [];
afterEach(async () => {
  await killAll();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-lock-'));
  dirs.push(dir);
  return dir;
}

async function signIn(http: string, dir: string): Promise<number> {
  const creds = JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
  const user = creds.users.find((u) => u.username === 'hanna')!;
  const res = await fetch(`${http}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }) });
  return res.status;
}

describe('two gateways on one data folder', () => {
  it('refuses the second with one line naming the first, and the first keeps writing', async () => {
    const dir = dataDir();
    const [http, mqtt, otherHttp, otherMqtt] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const first = gatewayProcess(dir, http, mqtt);
    await first.waitFor('is running');

    const second = gatewayProcess(dir, otherHttp, otherMqtt);
    const code = await second.exited;

    expect(code).toBe(1);
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^doorside: the data folder ${dir} is in use by a gateway \\(pid ${first.child.pid} on host [^,]+, HTTP port ${http}, MQTT port ${mqtt}\\) since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: `));
    expect(await signIn(`http://127.0.0.1:${http}`, dir)).toBe(200);
  });

  it('lets read-only tools read the site while the gateway holds it', async () => {
    const dir = dataDir();
    const gateway = gatewayProcess(dir, await freePort(), await freePort());
    await gateway.waitFor('is running');

    const verify = run(scripts.verify, [join(dir, 'demo.sqlite')], {});

    expect(await verify.exited).toBe(0);
    expect(verify.output()).toMatch(/^ok: \d+ events/);
  });

  it('starts a new gateway at once after the one holding the folder was killed with SIGKILL', async () => {
    const dir = dataDir();
    const first = gatewayProcess(dir, await freePort(), await freePort());
    await first.waitFor('is running');
    await first.kill('SIGKILL');

    const http = await freePort();
    const next = gatewayProcess(dir, http, await freePort());
    await next.waitFor('is running', 20_000);

    expect(await signIn(`http://127.0.0.1:${http}`, dir)).toBe(200);
  });
});
