import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAgentConfig } from '../src/agent/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'doorside-agent-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY_A = 'a'.repeat(43);
const KEY_B = 'b'.repeat(43);
const minimal = {
  DOORSIDE_GATEWAY_URL: 'http://127.0.0.1:8080', DOORSIDE_BRIDGE_KEY: KEY_A,
  DOORSIDE_CENTRAL_URL: 'http://127.0.0.1:8090/', DOORSIDE_SITE_KEY: KEY_B,
};
const problemsOf = (env: Record<string, string>) => {
  const config = loadAgentConfig(env);
  return 'problems' in config ? config.problems : [];
};

describe('the agent configuration', () => {
  it('takes the four addresses and keys and fills in the rest', () => {
    const config = loadAgentConfig(minimal);

    expect(config).toEqual({
      gatewayUrl: 'http://127.0.0.1:8080', bridgeKey: KEY_A, centralUrl: 'http://127.0.0.1:8090', site: 'demo', siteKey: KEY_B,
      batchSize: 2000, pollMs: 1000, backoffMinMs: 500, backoffMaxMs: 60_000, refusedRetryMs: 60_000, timeoutMs: 30_000, reportMs: 5000, log: true,
    });
  });

  it('lists every problem at once, naming each variable', () => {
    const problems = problemsOf({
      DOORSIDE_GATEWAY_URL: 'gateway.local', DOORSIDE_SITE: 'Demo Site', DOORSIDE_SYNC_BATCH_SIZE: '9000', DOORSIDE_SYNC_POLL_MS: 'soon',
    });

    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DOORSIDE_CENTRAL_URL', 'DOORSIDE_GATEWAY_URL', 'DOORSIDE_SITE', 'DOORSIDE_SYNC_BATCH_SIZE', 'DOORSIDE_SYNC_POLL_MS',
    ]);
  });

  it('needs both keys, and says where else they may come from', () => {
    const problems = problemsOf({ DOORSIDE_GATEWAY_URL: minimal.DOORSIDE_GATEWAY_URL, DOORSIDE_CENTRAL_URL: minimal.DOORSIDE_CENTRAL_URL });

    expect(problems).toEqual([
      "DOORSIDE_BRIDGE_KEY: required (or DOORSIDE_GATEWAY_CREDENTIALS, the gateway's demo-credentials.json)",
      "DOORSIDE_SITE_KEY: required (or DOORSIDE_CENTRAL_CREDENTIALS, the central server's central-credentials.json)",
    ]);
  });

  it('refuses a key that is too short to be one', () => {
    const problems = problemsOf({ ...minimal, DOORSIDE_SITE_KEY: 'secret' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DOORSIDE_SITE_KEY: /);
  });

  it('refuses a backoff whose ceiling is below its floor', () => {
    const problems = problemsOf({ ...minimal, DOORSIDE_SYNC_BACKOFF_MIN_MS: '5000', DOORSIDE_SYNC_BACKOFF_MAX_MS: '1000' });

    expect(problems).toEqual(['DOORSIDE_SYNC_BACKOFF_MAX_MS: must not be below DOORSIDE_SYNC_BACKOFF_MIN_MS']);
  });

  it('reads the keys from the files the gateway and the central server wrote', () => {
    const gatewayFile = join(dir, 'demo-credentials.json');
    const centralFile = join(dir, 'central-credentials.json');
    writeFileSync(gatewayFile, JSON.stringify({ site: 'demo', bridge: { key: KEY_A } }));
    writeFileSync(centralFile, JSON.stringify({ site: 'demo', siteKey: KEY_B }));

    const config = loadAgentConfig({
      DOORSIDE_GATEWAY_URL: minimal.DOORSIDE_GATEWAY_URL, DOORSIDE_CENTRAL_URL: minimal.DOORSIDE_CENTRAL_URL,
      DOORSIDE_GATEWAY_CREDENTIALS: gatewayFile, DOORSIDE_CENTRAL_CREDENTIALS: centralFile,
    });

    expect(config).toMatchObject({ bridgeKey: KEY_A, siteKey: KEY_B });
  });

  it('names a credentials file that is missing or holds no key for the site', () => {
    const other = join(dir, 'other-site.json');
    writeFileSync(other, JSON.stringify({ site: 'north', siteKey: KEY_B }));

    const problems = problemsOf({
      DOORSIDE_GATEWAY_URL: minimal.DOORSIDE_GATEWAY_URL, DOORSIDE_CENTRAL_URL: minimal.DOORSIDE_CENTRAL_URL,
      DOORSIDE_GATEWAY_CREDENTIALS: join(dir, 'missing.json'), DOORSIDE_CENTRAL_CREDENTIALS: other,
    });

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DOORSIDE_GATEWAY_CREDENTIALS: cannot read .*missing\.json/);
    expect(problems[1]).toMatch(/^DOORSIDE_CENTRAL_CREDENTIALS: no key for site demo in /);
  });

  it('makes the agent process exit with status 2 and the list of problems', async () => {
    const { spawnSync } = await import('node:child_process');
    const main = join(import.meta.dirname, '..', 'src', 'agent', 'main.ts');

    const run = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH, DOORSIDE_GATEWAY_URL: 'nope' }, encoding: 'utf8', timeout: 20_000,
    });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('doorside sync agent: the configuration is not valid');
    expect(run.stderr).toContain('DOORSIDE_GATEWAY_URL');
    expect(run.stderr).toContain('DOORSIDE_CENTRAL_URL');
  });
});
