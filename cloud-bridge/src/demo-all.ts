import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * `npm run start:all`: a whole demo in one terminal. The gateway, the central server and
 * the sync agent between them run as separate processes, as they would in a building and
 * a data centre; their output is prefixed with their name. Ctrl+C stops all three.
 *
 * The gateway keeps its data in DOORSIDE_DATA_DIR (default ./data), the central server in
 * its `central` subfolder; the agent takes its two keys from the files they write there.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const base = process.env.INIT_CWD ?? process.cwd();
const dataDirSetting = process.env.DOORSIDE_DATA_DIR ?? './data';
const dataDir = isAbsolute(dataDirSetting) ? dataDirSetting : resolve(base, dataDirSetting);
const centralDir = join(dataDir, 'central');

const entry = {
  gateway: join(root, 'edge', 'src', 'main.ts'),
  central: join(root, 'cloud-bridge', 'src', 'central', 'main.ts'),
  agent: join(root, 'cloud-bridge', 'src', 'agent', 'main.ts'),
};

interface Running { name: string; child: ChildProcess; exited: Promise<number | null> }
const running: Running[] = [];
let stopping = false;

function start(name: keyof typeof entry, env: Record<string, string>, ready: RegExp): Promise<RegExpExecArray> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry[name]], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const label = `[${name}]`.padEnd(10);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  running.push({ name, child, exited });
  return new Promise((resolveReady, reject) => {
    let seen = '';
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`${label}${line}`);
        seen += `${line}\n`;
        const match = ready.exec(seen);
        if (match) resolveReady(match);
      });
    }
    void exited.then((code) => {
      reject(new Error(`${name} exited (${code}) before it was ready`));
      if (!stopping) {
        console.error(`${label}stopped unexpectedly (exit ${code}); stopping the others`);
        void stopAll(1);
      }
    });
  });
}

/** The agent first, so nothing is left mid-request at a server that is going away. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const { child, exited } of [...running].reverse()) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const [gateway, central] = await Promise.all([
    start('gateway', { DOORSIDE_DATA_DIR: dataDir }, /HTTP API\s+(http:\/\/\S+)\/api/),
    start('central', { DOORSIDE_DATA_DIR: centralDir }, /Cross-site view\s+(http:\/\/\S+)\/central/),
  ]);
  const gatewayUrl = gateway[1]!;
  const centralUrl = central[1]!;
  const gatewayCredentials = join(dataDir, 'demo-credentials.json');
  const centralCredentials = join(centralDir, 'central-credentials.json');
  for (const file of [gatewayCredentials, centralCredentials]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: the agent has no key (move the data dir away to start the demo afresh)`);
  }
  await start('agent', {
    DOORSIDE_GATEWAY_URL: gatewayUrl, DOORSIDE_GATEWAY_CREDENTIALS: gatewayCredentials,
    DOORSIDE_CENTRAL_URL: centralUrl, DOORSIDE_CENTRAL_CREDENTIALS: centralCredentials,
  }, /Doorside sync agent/);
  // The demo's open work order, as its vendor reaches it: the same link on the central server.
  const vendorLink = centralVendorLink(gatewayCredentials, centralUrl);
  console.log(`
Doorside demo: a building's gateway, the central server and the sync agent between them.
  Gateway        ${gatewayUrl}   (dashboard ${gatewayUrl}/dashboard, staff ${gatewayUrl}/staff)
  Central        ${centralUrl}/central   (head-office sign-in in ${centralCredentials})
  Sync status    ${gatewayUrl}/api/sync/status   Metrics: ${gatewayUrl}/metrics
  Credentials    ${gatewayCredentials}${vendorLink ? `\n  Vendor link    ${vendorLink}   (through the central server, once the agent has synced)` : ''}
Press Ctrl+C to stop all three.`);
} catch (error) {
  console.error(`start:all: ${(error as Error).message}`);
  await stopAll(1);
}

/** The first demo work order's vendor link with the central server's address, if the credentials list one. */
function centralVendorLink(credentials: string, centralUrl: string): string | undefined {
  try {
    const { vendors } = JSON.parse(readFileSync(credentials, 'utf8')) as { vendors?: { workOrders?: { url?: string }[] }[] };
    const url = vendors?.flatMap((v) => v.workOrders ?? []).find((o) => o.url)?.url;
    return url ? `${centralUrl}${new URL(url).pathname}` : undefined;
  } catch {
    return undefined;
  }
}
