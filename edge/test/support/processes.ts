import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const src = join(import.meta.dirname, '..', '..', 'src');
export const scripts = {
  gateway: join(src, 'main.ts'),
  verify: join(src, 'audit', 'verify-cli.ts'),
  backup: join(src, 'backup', 'backup-cli.ts'),
  restore: join(src, 'backup', 'restore-cli.ts'),
} as const;

export interface Proc {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** SIGKILL, and wait for it. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<Proc>();

/** A TypeScript entry point in its own process (tsx), with the test's environment plus `env`. */
export function run(script: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOORSIDE_HOST: '127.0.0.1', DOORSIDE_LOG: 'false', DOORSIDE_GPIO_CONFIG: 'off', DOORSIDE_SMTP_PORT: '0', ...env },
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const proc: Proc = {
    child, exited, output: () => out,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before printing "${text}":\n${out}`);
        if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${out}`);
        await sleep(25);
      }
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

/** A gateway process on the data folder and ports given. */
export function gatewayProcess(dataDir: string, httpPort: number, mqttPort: number, env: Record<string, string> = {}): Proc {
  return run(scripts.gateway, [], { DOORSIDE_DATA_DIR: dataDir, DOORSIDE_HTTP_PORT: String(httpPort), DOORSIDE_MQTT_PORT: String(mqttPort), ...env });
}

/** Kills whatever a test left running (for afterEach). */
export async function killAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill()));
}


export { freePort } from './ports.ts';
