import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** The three processes of a site with its cloud link, as `npm run start:all` runs them. */
export const scripts = {
  gateway: join(root, 'edge', 'src', 'main.ts'),
  central: join(root, 'cloud-bridge', 'src', 'central', 'main.ts'),
  agent: join(root, 'cloud-bridge', 'src', 'agent', 'main.ts'),
  demoAll: join(root, 'cloud-bridge', 'src', 'demo-all.ts'),
} as const;

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

export interface Child {
  name: string;
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (past or future). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<Exit>;
  /** Sends the signal (SIGKILL by default) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

const running = new Set<Child>();

/** Runs a TypeScript entry point with tsx in its own process, with exactly the environment given (plus PATH). */
export function spawnTs(name: string, script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = (once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>).then(([code, signal]) => ({ code, signal }));
  const handle: Child = {
    name,
    process: child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => { done(); reject(new Error(`${name}: no ${pattern} within ${timeoutMs} ms; output:\n${output.slice(-3000)}`)); }, timeoutMs);
        const gone = () => { done(); reject(new Error(`${name} exited before printing ${pattern}; output:\n${output.slice(-3000)}`)); };
        const done = () => { clearTimeout(timer); listeners.delete(check); child.off('exit', gone); };
        listeners.add(check);
        child.once('exit', gone);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** Kills whatever a test left running (for afterEach). */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.kill('SIGKILL')));
}

export interface AgentSetup {
  gatewayUrl: string;
  bridgeKey: string;
  centralUrl: string;
  siteKey: string;
  site?: string;
  extra?: Record<string, string>;
}

/** The sync agent as its own process, with quick polling and short backoff for tests; `script` may be a prebuilt bundle of it. */
export function spawnAgent(setup: AgentSetup, name = 'agent', script: string = scripts.agent): Child {
  return spawnTs(name, script, {
    DOORSIDE_GATEWAY_URL: setup.gatewayUrl, DOORSIDE_BRIDGE_KEY: setup.bridgeKey,
    DOORSIDE_CENTRAL_URL: setup.centralUrl, DOORSIDE_SITE_KEY: setup.siteKey, DOORSIDE_SITE: setup.site ?? 'demo',
    DOORSIDE_SYNC_POLL_MS: '100', DOORSIDE_SYNC_BACKOFF_MIN_MS: '50', DOORSIDE_SYNC_BACKOFF_MAX_MS: '1000',
    DOORSIDE_SYNC_REFUSED_RETRY_MS: '1000', DOORSIDE_SYNC_TIMEOUT_MS: '10000',
    ...setup.extra,
  });
}

/** A gateway process on the given ports and data dir (GPIO off, quiet). */
export function spawnGateway(dataDir: string, httpPort: number, mqttPort: number): Child {
  return spawnTs('gateway', scripts.gateway, {
    DOORSIDE_DATA_DIR: dataDir, DOORSIDE_HTTP_PORT: String(httpPort), DOORSIDE_MQTT_PORT: String(mqttPort), DOORSIDE_SMTP_PORT: '0',
    DOORSIDE_GPIO_CONFIG: 'off', DOORSIDE_LOG: 'false',
  });
}

/** A central server process on SQLite in the given data dir. */
export function spawnCentral(dataDir: string, port: number): Child {
  return spawnTs('central', scripts.central, { DOORSIDE_DATA_DIR: dataDir, DOORSIDE_CENTRAL_PORT: String(port), DOORSIDE_CENTRAL_HOST: '127.0.0.1' });
}

/** A port that was free a moment ago, for a process that must be told its port up front. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
