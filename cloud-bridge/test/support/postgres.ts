import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests and the bench: initdb in a temp dir, a free
 * port on 127.0.0.1, the socket inside the temp dir. initdb refuses to run as root, so
 * as root the cluster belongs to the `postgres` system user.
 */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    return uid !== undefined && gid !== undefined ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

export const pgBinDir = findBinDir();
const owner = isRoot ? postgresUser() : undefined;

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresMissing: string | undefined =
  !pgBinDir ? 'initdb/pg_ctl not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)'
    : isRoot && !owner ? 'running as root and there is no `postgres` system user to own a cluster'
      : undefined;
export const hasPostgres = postgresMissing === undefined;

if (!hasPostgres) {
  console.warn(`\n*** SKIPPING the PostgreSQL tests of the central server: ${postgresMissing} ***\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function pgTool(tool: string, args: string[]): void {
  const bin = join(pgBinDir!, tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export interface TestPostgres { url: string; dataDir: string; stop(): Promise<void> }

export async function startPostgres(): Promise<TestPostgres> {
  if (!hasPostgres) throw new Error(`PostgreSQL is not available: ${postgresMissing}`);
  const dir = mkdtempSync(join(tmpdir(), 'doorside-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    // --no-sync only spares initdb's own flushes; the running server keeps fsync on.
    pgTool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a PostgreSQL cluster: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir: data,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let databases = 0;
/** A fresh, empty database in the cluster; answers its URL. */
export async function createDatabase(clusterUrl: string): Promise<string> {
  const name = `t${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
