import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Central, type CentralOptions, startCentral } from '../../src/central/server.ts';
import { createDatabase, hasPostgres, startPostgres, type TestPostgres } from './postgres.ts';

export type BackendName = 'sqlite' | 'postgres';

/** Both storage engines, for `describe.each`: the same behaviour is asserted against each. */
export const backends: { name: BackendName; skip: boolean }[] = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !hasPostgres },
];

export interface Harness {
  /** A central server on a free port with an empty database of this backend. */
  start(options?: Partial<CentralOptions>): Promise<Central>;
  /** A fresh empty database (PostgreSQL) or data dir (SQLite) several servers can share. */
  database(): Promise<Partial<CentralOptions>>;
}

/** Registers the hooks that give each test fresh servers and remove them afterwards. */
export function centralHarness(backend: BackendName): Harness {
  let cluster: TestPostgres | undefined;
  const running: Central[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    if (backend === 'postgres') cluster = await startPostgres();
  }, 90_000);
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  const database = async (): Promise<Partial<CentralOptions>> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'doorside-central-'));
    dirs.push(dataDir);
    return backend === 'postgres' ? { dataDir, databaseUrl: await createDatabase(cluster!.url) } : { dataDir };
  };

  return {
    database,
    async start(options = {}) {
      const storage = options.dataDir || options.databaseUrl ? {} : await database();
      const central = await startCentral({ dataDir: '', host: '127.0.0.1', port: 0, ...storage, ...options });
      running.push(central);
      return central;
    },
  };
}

export interface Answer { status: number; body: any; headers: Headers }

/** One HTTP call to a central server; `key` goes as a Bearer site key, `cookie` as the cookie header. */
export async function call(central: { url: string }, method: string, path: string, options: { body?: unknown; key?: string; cookie?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${central.url}${path}`, {
    method, headers, ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: response.status, body, headers: response.headers };
}

/** Signs a head-office user in and answers the cookie header to send. */
export async function signIn(central: { url: string }, username: string, password: string): Promise<string> {
  const answer = await call(central, 'POST', '/api/auth/login', { body: { username, password } });
  if (answer.status !== 200) throw new Error(`sign-in ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
