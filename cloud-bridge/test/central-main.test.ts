import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { call, signIn } from './support/central-harness.ts';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const main = fileURLToPath(new URL('../src/central/main.ts', import.meta.url));

interface Started { child: ChildProcess; output: string; url: string }

function run(env: Record<string, string>): Promise<Started | { code: number | null; output: string }> {
  const child = spawn(process.execPath, [tsx, main], { env: { ...process.env, DOORSIDE_LOG: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Cross-site view\s+(http:\/\/\S+)\/central/.exec(output)?.[1];
      if (url && output.includes('Credentials')) resolve({ child, output, url });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the central server process', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const start = async (dataDir: string) => {
    const started = await run({ DOORSIDE_DATA_DIR: dataDir, DOORSIDE_CENTRAL_PORT: '0', DOORSIDE_CENTRAL_HOST: '127.0.0.1' });
    if (!('url' in started)) throw new Error(`did not start: ${started.output}`);
    children.push(started.child);
    return started;
  };

  it('seeds an admin, a site manager and the demo site on first start, writing their secrets to a 0600 file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doorside-central-main-'));
    dirs.push(dataDir);

    const { url, output } = await start(dataDir);

    const file = join(dataDir, 'central-credentials.json');
    const creds = JSON.parse(readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(output).toContain(`${url}/health`);
    expect(creds).toEqual(expect.objectContaining({ site: 'demo', siteKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }));
    expect(creds.sites).toEqual([{ site: 'demo', name: 'Demo Office', siteKey: creds.siteKey }]);
    const admin = creds.users.find((u: { username: string }) => u.username === 'admin');
    expect(admin.role).toBe('head_office');
    expect(await signIn({ url }, 'admin', admin.password)).toMatch(/^ds_central_session=/);
    expect((await call({ url }, 'GET', '/api/sites/demo/cursor', { key: creds.siteKey })).body.cursor.seq).toBe(0);
  });

  it('keeps its data and credentials across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doorside-central-main-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    const before = readFileSync(join(dataDir, 'central-credentials.json'), 'utf8');
    const stopped = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    await stopped;

    const second = await start(dataDir);

    const creds = JSON.parse(before);
    expect(readFileSync(join(dataDir, 'central-credentials.json'), 'utf8')).toBe(before);
    expect(second.output).not.toContain('written now');
    const manager = creds.users.find((u: { username: string }) => u.username === 'demo-manager');
    expect(await signIn(second, 'demo-manager', manager.password)).toMatch(/^ds_central_session=/);
  });

  it('lists every problem in its environment and exits', async () => {
    const result = await run({ DOORSIDE_CENTRAL_PORT: 'eighty', DOORSIDE_CENTRAL_DATABASE_URL: 'mysql://x' });

    expect(result).toEqual(expect.objectContaining({ code: 2 }));
    expect(result.output).toContain('DOORSIDE_CENTRAL_PORT');
    expect(result.output).toContain('DOORSIDE_CENTRAL_DATABASE_URL');
  });
});
