import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../firmware-config/bin/doorside-devices.mjs');
let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

/** Runs the CLI as an admin would, signed in from the demo credentials in the data dir. */
const devices = (...args: string[]) =>
  run(process.execPath, [cli, ...args, '--url', gw.http], { env: { ...process.env, DOORSIDE_DATA_DIR: gw.dir, INIT_CWD: gw.dir } });

/** Runs the CLI with no --url and no DOORSIDE_URL: it must find the gateway on its own. */
const bare = (env: Record<string, string>, ...args: string[]) => {
  const { DOORSIDE_URL: _unused, ...rest } = process.env;
  return run(process.execPath, [cli, ...args], { env: { ...rest, DOORSIDE_DATA_DIR: gw.dir, INIT_CWD: gw.dir, ...env } })
    .then((r) => ({ code: 0, ...r }), (error: { code: number; stdout: string; stderr: string }) => error);
};

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('where the doorside-devices command looks for its gateway', () => {
  it('takes the address from the credentials file when no --url or DOORSIDE_URL is given', async () => {
    const listed = await bare({}, 'list');

    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^sign-r101\s+sign\s+r101\s/m);
  });

  it('prefers DOORSIDE_URL to the credentials file, and names the address it could not reach', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const failed = await bare({ DOORSIDE_URL: url }, 'list');

    expect(failed.code).not.toBe(0);
    expect(failed.stderr.trim()).toBe(`doorside-devices: cannot reach the gateway at ${url} (connection refused); set --url or DOORSIDE_URL`);
  });

  it('prefers --url to DOORSIDE_URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const listed = await bare({ DOORSIDE_URL: url }, 'list', '--url', gw.http);

    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^sign-r101\s/m);
  });
});

describe('the doorside-devices command', () => {
  it('adds a sign, writes its ESPHome file and shows it in the list', async () => {
    const added = await devices('add', 'epaper-r105', '--kind', 'epaper', '--room', 'r105', '--esphome', 'epaper-r105.yaml');
    const list = await devices('list');

    expect(JSON.parse(added.stdout)).toMatchObject({ device: { id: 'epaper-r105', room: 'r105' }, mqtt: { username: 'epaper-r105' } });
    expect(readFileSync(join(gw.dir, 'epaper-r105.yaml'), 'utf8')).toContain('doorside/demo/rooms/r105/status');
    expect(list.stdout).toMatch(/^epaper-r105\s+epaper\s+r105\s+offline\s+never seen$/m);
  });

  it('revokes a device and prints the QR sheet of a floor', async () => {
    const revoked = await devices('revoke', 'sign-r104');
    await devices('qr-sheet', '1', '--out', 'floor1.pdf');

    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: 'sign-r104', revoked: true });
    expect(existsSync(join(gw.dir, 'floor1.pdf'))).toBe(true);
  });

  it('says what went wrong in one line and exits 1', async () => {
    const failed = await devices('bind', 'no-such-device', '--room', 'r101').then(() => null, (error: { code: number; stderr: string }) => error);

    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim()).toBe('doorside-devices: POST /api/devices/no-such-device/bind: 404 NOT_FOUND device no-such-device does not exist');
  });
});
